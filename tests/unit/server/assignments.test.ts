import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Submission } from '../../../src/shared-api/assignments-api.ts';
import { startHarness, signUp, tokenOf, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe.each(TEST_DATABASES)('assignments and submissions on $name', (database) => {
  let h: Harness;
  let owner: Client;
  let mentor: Client;
  let learner: Client;
  let classmate: Client;
  let outsider: Client;
  let learnerId: string;
  let cohort: string;

  const join = async (email: string, cohortId: string, role: 'mentor' | 'learner') => {
    const link = await owner.json<{ url: string }>('POST', `/api/cohorts/${cohortId}/invitations`, {
      role,
      expiresInDays: 1,
      maxUses: 1,
    });
    const client = h.client();
    const id = (await signUp(client, email, tokenOf(link.body.url))).body.id;
    return { client, id };
  };
  const assign = (body: Record<string, unknown>, by = mentor) =>
    by.json<Assignment & { error?: string; field?: string }>('POST', `/api/cohorts/${cohort}/assignments`, {
      mode: 'assessed',
      dueAt: inDays(3),
      ...body,
    });
  const submit = (assignment: string, files: Record<string, string>, by = learner) =>
    by.json<Submission & { error?: string; field?: string }>('POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files,
    });

  beforeAll(async () => {
    h = await startHarness(database);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
    cohort = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' })).body.id;
    const other = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Frontend' })).body.id;
    mentor = (await join('mentor@example.com', cohort, 'mentor')).client;
    const lea = await join('lea@example.com', cohort, 'learner');
    learner = lea.client;
    learnerId = lea.id;
    classmate = (await join('sam@example.com', cohort, 'learner')).client;
    outsider = (await join('out@example.com', other, 'learner')).client;
    // Several scrypt sign-ups: seconds on a loaded machine.
  }, 60_000);
  afterAll(async () => h.close());

  it('assigns exercises, a lesson or a track, and shows learners who assigned what and when it is due', async () => {
    const byExercise = await assign({ exercises: ['lint-gate'], note: 'Start with the hints.' });
    expect(byExercise.status).toBe(201);
    expect(byExercise.body).toMatchObject({ exercises: ['lint-gate'], assignedBy: 'mentor', mode: 'assessed' });
    const byLesson = await assign({ lesson: 'lint-for-bugs' });
    expect(byLesson.body.exercises).toEqual(['lint-gate']);
    const byTrack = await assign({ track: 'code-quality', mode: 'practice' });
    expect(byTrack.body.exercises).toContain('lint-gate');
    expect(byTrack.body.exercises.length).toBeGreaterThan(1);

    const mine = await learner.json<{ assignments: Assignment[] }>('GET', '/api/me/assignments');
    expect(mine.body.assignments.map((a) => a.id)).toEqual(
      expect.arrayContaining([byExercise.body.id, byLesson.body.id, byTrack.body.id]),
    );
    const seen = mine.body.assignments.find((a) => a.id === byExercise.body.id);
    expect(seen).toMatchObject({ note: 'Start with the hints.', cohortName: 'Backend', assignedBy: 'mentor' });
    // Learners do not see each other's extensions.
    expect(seen?.extensions).toBeUndefined();
    expect((await outsider.json<{ assignments: Assignment[] }>('GET', '/api/me/assignments')).body.assignments).toEqual(
      [],
    );
  });

  it('refuses an unknown exercise, lesson or two targets at once, naming the field, and stores nothing', async () => {
    const before = (await mentor.json<{ assignments: unknown[] }>('GET', `/api/cohorts/${cohort}/assignments`)).body
      .assignments.length;
    expect((await assign({ exercises: ['no-such-exercise'] })).body).toMatchObject({ field: 'exercises.0' });
    expect((await assign({ lesson: 'no-such-lesson' })).body).toMatchObject({ field: 'lesson' });
    expect((await assign({ exercises: ['lint-gate'], lesson: 'lint-for-bugs' })).status).toBe(400);
    expect((await assign({ exercises: ['lint-gate'], dueAt: inDays(3), cutoffAt: inDays(1) })).body).toMatchObject({
      field: 'cutoffAt',
    });
    const after = (await mentor.json<{ assignments: unknown[] }>('GET', `/api/cohorts/${cohort}/assignments`)).body
      .assignments.length;
    expect(after).toBe(before);
  });

  it('keeps every submission as a new revision with its content hash, queued for the server', async () => {
    const { id } = (await assign({ exercises: ['lint-gate'] })).body;
    const first = await submit(id, { 'src/checkout.ts': 'export const a = 1;\n' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ revision: 1, late: false, verdict: null, serverReports: [] });
    expect(first.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.grading).toMatchObject({ state: 'queued' });
    const second = await submit(id, { 'src/checkout.ts': 'export const a = 2;\n' });
    expect(second.body.revision).toBe(2);
    const list = await learner.json<{ submissions: Submission[] }>('GET', `/api/assignments/${id}/submissions`);
    expect(list.body.submissions.map((s) => [s.revision, s.files['src/checkout.ts']])).toEqual([
      [1, 'export const a = 1;\n'],
      [2, 'export const a = 2;\n'],
    ]);
    // The second waits behind the first (and whatever else is queued).
    expect(second.body.grading?.queuePosition).toBeGreaterThan(first.body.grading?.queuePosition ?? -1);
  });

  it('marks a late submission late, accepts it, and refuses one after the hard cut-off unless extended', async () => {
    const late = (
      await assign({ exercises: ['lint-gate'], opensAt: inDays(-3), dueAt: inDays(-2), cutoffAt: inDays(1) })
    ).body;
    expect((await submit(late.id, {})).body).toMatchObject({ late: true, revision: 1 });
    const closed = (
      await assign({ exercises: ['lint-gate'], opensAt: inDays(-3), dueAt: inDays(-2), cutoffAt: inDays(-1) })
    ).body;
    const refused = await submit(closed.id, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/closed.*extension/);
    expect(
      (await mentor.json('PUT', `/api/assignments/${closed.id}/extensions/${learnerId}`, { dueAt: inDays(2) })).status,
    ).toBe(200);
    expect((await submit(closed.id, {})).body).toMatchObject({ late: false, revision: 1 });
    const forLearner = await learner.json<{ assignments: Assignment[] }>('GET', '/api/me/assignments');
    expect(forLearner.body.assignments.find((a) => a.id === closed.id)?.myDueAt).toBe(
      (
        await mentor.json<{ assignments: Assignment[] }>('GET', `/api/cohorts/${cohort}/assignments`)
      ).body.assignments.find((a) => a.id === closed.id)?.extensions?.[0]?.dueAt,
    );
    const notOpen = (await assign({ exercises: ['lint-gate'], opensAt: inDays(1), dueAt: inDays(2) })).body;
    expect((await submit(notOpen.id, {})).status).toBe(409);
  });

  it('shows a learner only their own revisions, and the mentor everyone’s', async () => {
    const { id } = (await assign({ exercises: ['lint-gate'] })).body;
    const mine = (await submit(id, { 'src/checkout.ts': 'mine\n' })).body;
    const theirs = (await submit(id, { 'src/checkout.ts': 'theirs\n' }, classmate)).body;
    const own = await learner.json<{ submissions: Submission[] }>('GET', `/api/assignments/${id}/submissions`);
    expect(own.body.submissions.map((s) => s.id)).toEqual([mine.id]);
    expect((await learner.json('GET', `/api/submissions/${theirs.id}`)).status).toBe(404);
    expect((await outsider.json('GET', `/api/submissions/${mine.id}`)).status).toBe(404);
    const all = await mentor.json<{ submissions: Submission[] }>('GET', `/api/assignments/${id}/submissions`);
    expect(all.body.submissions.map((s) => s.learnerName).sort()).toEqual(['lea', 'sam']);
    const one = await mentor.json<{ submissions: Submission[] }>(
      'GET',
      `/api/assignments/${id}/submissions?learner=${learnerId}`,
    );
    expect(one.body.submissions.map((s) => s.id)).toEqual([mine.id]);
  });

  it('puts every revision in the learner’s export, and nobody else’s', async () => {
    const { id } = (await assign({ exercises: ['lint-gate'] })).body;
    const mine = (await submit(id, { 'src/checkout.ts': 'exported\n' })).body;
    const theirs = (await submit(id, { 'src/checkout.ts': 'not mine\n' }, classmate)).body;
    const exported = await learner.json<{ server: { submissions: Submission[] } }>('GET', '/api/me/export');
    const ids = exported.body.server.submissions.map((s) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(exported.body.server.submissions.find((s) => s.id === mine.id)?.files).toEqual({
      'src/checkout.ts': 'exported\n',
    });
  });

  it('refuses a submission for an exercise outside the assignment or with a path-like file name', async () => {
    const { id } = (await assign({ exercises: ['lint-gate'] })).body;
    const wrong = await learner.json<{ field?: string }>('POST', `/api/assignments/${id}/submissions`, {
      exercise: 'payment-charge',
      files: {},
    });
    expect(wrong).toMatchObject({ status: 400, body: { field: 'exercise' } });
    const escape = await submit(id, { '../../etc/passwd': 'x' });
    expect(escape.status).toBe(400);
    expect(
      (await learner.json<{ submissions: unknown[] }>('GET', `/api/assignments/${id}/submissions`)).body.submissions,
    ).toEqual([]);
  });

  it('refuses a caller who may not act before reading their body, so a bad body tells a stranger nothing', async () => {
    const { id } = (await assign({ exercises: ['lint-gate'] })).body;
    const bad = { exercise: 'lint-gate', files: 'not an object' };
    const from = (client: Client) => client.json<{ field?: string }>('POST', `/api/assignments/${id}/submissions`, bad);
    // A stranger learns nothing, not even that the assignment exists; a mentor is told learners submit.
    expect((await from(h.client())).status).toBe(401);
    expect((await from(outsider)).status).toBe(404);
    expect((await from(mentor)).status).toBe(403);
    // Only the learner, who may submit, hears what is wrong with the body.
    expect(await from(learner)).toMatchObject({ status: 400, body: { field: 'files' } });
    const extension = (client: Client) =>
      client.json('PUT', `/api/assignments/${id}/extensions/${learnerId}`, { dueAt: 'tomorrow' });
    expect((await extension(learner)).status).toBe(403);
    expect((await extension(mentor)).status).toBe(400);
  });
});

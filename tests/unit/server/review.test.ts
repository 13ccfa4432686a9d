import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Submission } from '../../../src/shared-api/assignments-api.ts';
import type { Decision, InboxItem, ReviewView, Thread } from '../../../src/shared-api/review-api.ts';
import { startHarness, signUp, tokenOf, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

const STARTER = readFileSync(new URL('../../../exercises/lint-gate/starter/src/checkout.ts', import.meta.url), 'utf8');
/** Line 15 of the starter, the bug the lint gate finds: the statement that drops the fixed coupon. */
const BUG = '    totalCents - coupon.amountCents;';

/** A browser report as the workbench sends it, so the revision is ready for review without a grader. */
const browserReport = (verdict: 'pass' | 'fail') => ({
  version: 1,
  exercise: 'lint-gate',
  engine: 'worker',
  startedAt: new Date().toISOString(),
  durationMs: 10,
  verdict,
  checks: [{ id: 'gate', kind: 'lint', title: 'Gate', status: verdict, summary: verdict, durationMs: 5 }],
});

describe.each(TEST_DATABASES)('mentor review on $name', (database) => {
  let h: Harness;
  let owner: Client;
  let mentor: Client;
  let mentor2: Client;
  let mentor2Id: string;
  let learner: Client;
  let learnerId: string;
  let classmate: Client;
  let outsiderMentor: Client;
  let assignment: string;

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
  const submit = (code: string, by = learner) =>
    by.json<Submission>('POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files: { 'src/checkout.ts': code, 'eslint.config.js': 'export default [];\n' },
      browserReport: browserReport('fail'),
    });
  const inbox = (by = mentor, query = '') =>
    by.json<{ items: InboxItem[]; mine: number; mentors: { cohortId: string; mentor: { id: string } }[] }>(
      'GET',
      `/api/review/inbox${query}`,
    );
  const comment = (submission: string, startLine: number, extra: Record<string, unknown> = {}, by = mentor) =>
    by.json<Thread & { error?: string }>('POST', `/api/submissions/${submission}/threads`, {
      file: 'src/checkout.ts',
      lines: { startLine, endLine: startLine },
      label: 'issue',
      body: 'This **drops** the coupon.',
      ...extra,
    });
  const threadsOn = async (submission: string, by = mentor) =>
    (await by.json<{ threads: Thread[] }>('GET', `/api/submissions/${submission}/threads`)).body.threads;
  const notifications = (userId: string) =>
    h.store.db.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

  beforeAll(async () => {
    h = await startHarness(database);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
    const cohort = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' })).body.id;
    const other = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Frontend' })).body.id;
    mentor = (await join('mentor@example.com', cohort, 'mentor')).client;
    const second = await join('mo@example.com', cohort, 'mentor');
    mentor2 = second.client;
    mentor2Id = second.id;
    const lea = await join('lea@example.com', cohort, 'learner');
    learner = lea.client;
    learnerId = lea.id;
    classmate = (await join('sam@example.com', cohort, 'learner')).client;
    outsiderMentor = (await join('out@example.com', other, 'mentor')).client;
    assignment = (
      await mentor.json<Assignment>('POST', `/api/cohorts/${cohort}/assignments`, {
        exercises: ['lint-gate'],
        mode: 'assessed',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).body.id;
  }, 60_000);
  afterAll(async () => h.close());

  it('keeps a comment on its code across a resubmission, and marks it outdated once that code is rewritten', async () => {
    const first = (await submit(STARTER)).body;
    const opened = await comment(first.id, 15);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ placement: { startLine: 15, endLine: 15, moved: false }, label: 'issue' });
    expect(opened.body.original.text).toBe(BUG);

    // The learner adds a comment block above: the thread follows the line down by three.
    const lines = STARTER.split('\n');
    const shifted = [
      ...lines.slice(0, 9),
      '// Sums the cart.',
      '// Applies one coupon.',
      '// Never below 0.',
      ...lines.slice(9),
    ];
    const second = (await submit(shifted.join('\n'))).body;
    const [moved] = await threadsOn(second.id, learner);
    expect(moved).toMatchObject({ id: opened.body.id, revision: 1, placement: { startLine: 18, moved: true } });
    expect(moved?.comments[0]).toMatchObject({
      authorName: 'mentor',
      authorRole: 'mentor',
      body: 'This **drops** the coupon.',
    });

    // The learner fixes the line: nothing like it remains, so the thread is outdated on revision 3 …
    const third = (await submit(shifted.join('\n').replace(BUG, '    totalCents -= coupon.amountCents;'))).body;
    const [outdated] = await threadsOn(third.id);
    expect(outdated?.placement).toBeNull();
    expect(outdated?.original).toMatchObject({ startLine: 15, text: BUG });
    // … and still placed on the revisions it matches.
    expect((await threadsOn(first.id))[0]?.placement).toMatchObject({ startLine: 15, moved: false });
  });

  it('lets only the learner and the cohort’s staff read and reply, and notifies the other side', async () => {
    const revision = (await submit(STARTER)).body;
    const thread = (await comment(revision.id, 12, { label: 'question', body: 'Why `Math.round`?' })).body;
    expect((await classmate.json('GET', `/api/submissions/${revision.id}/threads`)).status).toBe(404);
    expect((await outsiderMentor.json('GET', `/api/submissions/${revision.id}/threads`)).status).toBe(404);
    expect((await comment(revision.id, 12, {}, learner)).status).toBe(403);
    expect((await comment(revision.id, 12, {}, outsiderMentor)).status).toBe(404);
    expect((await classmate.json('POST', `/api/threads/${thread.id}/comments`, { body: 'me too' })).status).toBe(404);
    expect((await comment(revision.id, 99)).body).toMatchObject({ field: 'lines.endLine' });
    expect((await comment(revision.id, 1, { file: 'tests/checkout.test.ts' })).body).toMatchObject({ field: 'file' });

    const asked = (await notifications(learnerId)).at(-1);
    expect(asked).toMatchObject({ kind: 'comment', thread_id: thread.id });
    expect(asked?.summary).toContain('line 12');

    const answer = await learner.json('POST', `/api/threads/${thread.id}/comments`, { body: 'Cents are integers.' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ authorName: 'lea', authorRole: 'learner' });
    const mentorId = (await mentor.json<{ user: { id: string } }>('GET', '/api/session')).body.user.id;
    expect((await notifications(mentorId)).at(-1)).toMatchObject({
      kind: 'reply',
      link: `/team/review/?submission=${revision.id}`,
    });
    await mentor.json('POST', `/api/threads/${thread.id}/comments`, { body: 'Good.' });
    expect((await notifications(learnerId)).at(-1)).toMatchObject({ kind: 'reply', thread_id: thread.id });

    const [listed] = (await threadsOn(revision.id, learner)).filter((t) => t.id === thread.id);
    expect(listed?.comments.map((c) => c.body)).toEqual(['Why `Math.round`?', 'Cents are integers.', 'Good.']);
  });

  it('refuses approval while a blocking thread is open, and approves once it is resolved', async () => {
    const revision = (await submit(STARTER.replace(BUG, '    totalCents -= coupon.amountCents;'))).body;
    const blocking = (await comment(revision.id, 11, { blocking: true, label: 'todo' })).body;
    const refused = await mentor.json<{ error: string }>('POST', `/api/submissions/${revision.id}/decision`, {
      decision: 'approve',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('Resolve the blocking thread first (src/checkout.ts line 11), or request changes.');
    expect(
      (await learner.json('POST', `/api/submissions/${revision.id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);

    const resolved = await learner.json<Thread>('POST', `/api/threads/${blocking.id}/resolve`, { resolved: true });
    expect(resolved.body.resolved).toBe(true);
    const approved = await mentor.json<Decision>('POST', `/api/submissions/${revision.id}/decision`, {
      decision: 'approve',
      body: 'Ship it.',
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ decision: 'approve', mentorName: 'mentor', revision: revision.revision });
    expect((await notifications(learnerId)).at(-1)).toMatchObject({ kind: 'decision', submission_id: revision.id });
    const seen = await learner.json<{ decisions: Decision[] }>('GET', `/api/submissions/${revision.id}/decisions`);
    expect(seen.body.decisions[0]).toMatchObject({ decision: 'approve', body: 'Ship it.' });
  });

  it('lists the newest waiting revision per learner, oldest first, and drops it once decided', async () => {
    const sams = (await submit(STARTER, classmate)).body;
    const waiting = (await inbox()).body;
    // The learner's newest revision was approved above: only the classmate's work waits.
    expect(waiting.items.map((i) => i.submissionId)).toEqual([sams.id]);
    expect(waiting.items[0]).toMatchObject({ learner: { name: 'sam' }, browserVerdict: 'fail', assignee: null });
    expect(waiting.mine).toBe(1);

    const lea = (await submit(STARTER)).body;
    expect((await inbox()).body.items.map((i) => i.submissionId)).toEqual([sams.id, lea.id]);

    // Handing Sam's work to the second mentor takes it out of the first one's "mine".
    expect((await mentor.request('POST', `/api/submissions/${sams.id}/assignee`, { mentorId: mentor2Id })).status).toBe(
      204,
    );
    const after = (await inbox(mentor, '?mine=1')).body;
    expect(after.items.map((i) => i.submissionId)).toEqual([lea.id]);
    expect(after.mine).toBe(1);
    expect((await inbox(mentor2)).body.items.find((i) => i.submissionId === sams.id)?.assignee?.id).toBe(mentor2Id);
    const learnerAsMentor = await mentor.json('POST', `/api/submissions/${sams.id}/assignee`, { mentorId: learnerId });
    expect(learnerAsMentor.body).toMatchObject({ field: 'mentorId' });

    await mentor.json('POST', `/api/submissions/${lea.id}/decision`, { decision: 'request_changes' });
    expect((await inbox(mentor, '?mine=1')).body.mine).toBe(0);
    expect((await inbox(outsiderMentor)).body.items).toEqual([]);
    expect((await inbox(learner)).status).toBe(403);
  });

  it('gives the review page the visible starter and the previous revision, never hidden files', async () => {
    const rows = (
      await learner.json<{ submissions: Submission[] }>('GET', `/api/assignments/${assignment}/submissions`)
    ).body.submissions;
    const newest = rows.at(-1) as Submission;
    const view = await mentor.json<ReviewView>('GET', `/api/submissions/${newest.id}/review`);
    expect(view.status).toBe(200);
    expect(view.body.starter['src/checkout.ts']).toBe(STARTER);
    expect(Object.keys(view.body.starter)).not.toContain('tests/checkout.test.ts');
    expect(Object.keys(view.body.starter)).not.toContain('samples/bugs/parse-price.ts');
    expect(view.body.previous?.revision).toBe(newest.revision - 1);
    expect(view.body.editable).toEqual(['eslint.config.js', 'src/checkout.ts']);
    expect(view.body.mentors.map((m) => m.name)).toEqual(['mentor', 'mo']);
    expect(JSON.stringify(view.body)).not.toContain('toBe(');
    expect((await learner.json('GET', `/api/submissions/${newest.id}/review`)).status).toBe(403);
  });
});

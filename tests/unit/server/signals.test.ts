import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeToolchain } from '../../../src/runtime/engines/node/node-toolchain.ts';
import { solutionFiles } from '../../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../../src/runtime/exercise/load-from-disk.ts';
import { newId } from '../../../src/server/auth/tokens.ts';
import { ExerciseCatalog } from '../../../src/server/grading/exercise-catalog.ts';
import { Grader } from '../../../src/server/grading/grader.ts';
import { verifyExercise } from '../../../src/cli/verify.ts';
import type { Submission } from '../../../src/shared-api/assignments-api.ts';
import type { Disagreement, FailureSignature } from '../../../src/shared-api/review-api.ts';
import { copyExercise } from '../exercise-copy.ts';
import { startHarness, type Client, type Harness } from './harness.ts';
import { gradingCohort, untilGraded, type GradingCohort } from './grading-fixture.ts';
import { TEST_DATABASES } from './stores.ts';

/**
 * Signature comments and disagreements on each database, with lint-gate graded by a real Grader: two
 * learners hit the same failing test, a mentor explains it once, and it reaches both (each told once),
 * then a third who submits later; a revision the browser passed and the server failed, and one that
 * passes but was rejected, are listed and exported as fixtures that `exercises verify` then checks.
 */
const EXERCISES = fileURLToPath(new URL('../../../exercises/', import.meta.url));
const catalog = new ExerciseCatalog();
const TEST: Omit<FailureSignature, 'value'> = { checkId: 'checkout-total', kind: 'test' };

interface Signals {
  signatures: { exercise: string; signature: FailureSignature; learners: number }[];
  comments: { id: string; signature: FailureSignature; reach: number; body: string }[];
}

describe.each(TEST_DATABASES)('signals on $name', (database) => {
  let h: Harness;
  let team: GradingCohort;
  let grader: Grader;
  let assignment: string;
  let solved: Record<string, string>;
  let failing: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness(database, undefined, { catalog, nudgeGrader: () => grader.nudge() });
    team = await gradingCohort(h);
    const { bundle } = await loadExercise(EXERCISES, 'lint-gate');
    const solution = solutionFiles(bundle);
    solved = {
      'eslint.config.js': solution['eslint.config.js'] ?? '',
      'src/checkout.ts': solution['src/checkout.ts'] ?? '',
    };
    // The right gate, but checkout.ts as it starts: the coupon line does nothing, so the total test fails.
    failing = { ...solved, 'src/checkout.ts': bundle.starter['src/checkout.ts'] ?? '' };
    grader = new Grader({ store: h.store, catalog, idleMs: 100, toolchain: new NodeToolchain() });
    await grader.start();
    assignment = await team.assign(['lint-gate']);
  }, 60_000);
  afterAll(async () => {
    await grader.stop();
    await h.close();
  });

  const graded = async (as: Client, files: Record<string, string>, browserReport?: unknown) => {
    const res = await as.json<Submission>('POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files,
      ...(browserReport ? { browserReport } : {}),
    });
    expect(res.status).toBe(201);
    return untilGraded(as, res.body.id);
  };
  const signals = async () => (await team.mentor.json<Signals>('GET', `/api/cohorts/${team.cohortId}/signals`)).body;
  const notices = async (userId: string) =>
    h.store.db
      .selectFrom('notification')
      .select(['kind', 'link'])
      .where('user_id', '=', userId)
      .where('kind', '=', 'signature-comment')
      .execute();

  let failingTest: FailureSignature;
  let commentId: string;
  let second: { client: Client; id: string };
  let firstFailing: Submission;

  it('counts each failure signature across the cohort’s current revisions, most common first', async () => {
    second = await team.addLearner('sam@example.com');
    const [a, b] = await Promise.all([graded(team.learner, failing), graded(second.client, failing)]);
    firstFailing = a;
    expect([a.verdict, b.verdict]).toEqual(['fail', 'fail']);
    const { signatures } = await signals();
    const tests = signatures.filter((s) => s.signature.checkId === TEST.checkId && s.signature.kind === 'test');
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.every((s) => s.learners === 2)).toBe(true);
    expect(signatures).toContainEqual({
      exercise: 'lint-gate',
      signature: { checkId: 'gate', kind: 'lint', value: 'no-unused-expressions' },
      learners: 2,
    });
    expect(signatures.map((s) => s.learners)).toEqual([...signatures.map((s) => s.learners)].sort((x, y) => y - x));
    failingTest = tests[0]?.signature as FailureSignature;
  }, 120_000);

  it('reaches both learners with the failing test, tells each once, and shows it on their revisions', async () => {
    const created = await team.mentor.json<{ id: string; reach: number }>(
      'POST',
      `/api/cohorts/${team.cohortId}/signature-comments`,
      { exercise: 'lint-gate', signature: failingTest, label: 'issue', body: 'The coupon line computes and drops it.' },
    );
    expect(created.status).toBe(201);
    expect(created.body.reach).toBe(2);
    commentId = created.body.id;
    expect(await notices(team.learnerId)).toEqual([
      { kind: 'signature-comment', link: '/lessons/lint-for-bugs/#exercise-lint-gate' },
    ]);
    expect(await notices(second.id)).toHaveLength(1);
    const seen = await team.learner.json<{ comments: { id: string; body: string }[] }>(
      'GET',
      `/api/submissions/${firstFailing.id}/signature-comments`,
    );
    expect(seen.body.comments.map((c) => [c.id, c.body])).toEqual([
      [commentId, 'The coupon line computes and drops it.'],
    ]);
    // Another learner's revision is not the learner's to read.
    const other = await second.client.json('GET', `/api/submissions/${firstFailing.id}/signature-comments`);
    expect(other.status).toBe(404);
  }, 60_000);

  it('reaches a learner who submits the same failure later, without telling anyone twice', async () => {
    const third = await team.addLearner('kim@example.com');
    const late = await graded(third.client, failing);
    await graded(second.client, failing);
    expect(await notices(third.id)).toHaveLength(1);
    expect(await notices(second.id)).toHaveLength(1);
    const seen = await third.client.json<{ comments: { id: string }[] }>(
      'GET',
      `/api/submissions/${late.id}/signature-comments`,
    );
    expect(seen.body.comments.map((c) => c.id)).toEqual([commentId]);
    expect((await signals()).comments.find((c) => c.id === commentId)?.reach).toBe(3);
  }, 120_000);

  it('stops counting a learner whose current revision no longer fails that way', async () => {
    const fixed = await graded(team.learner, solved);
    expect(fixed.verdict).toBe('pass');
    expect((await signals()).comments.find((c) => c.id === commentId)?.reach).toBe(2);
    const seen = await team.learner.json<{ comments: unknown[] }>(
      'GET',
      `/api/submissions/${fixed.id}/signature-comments`,
    );
    expect(seen.body.comments).toEqual([]);
  }, 120_000);

  it('counts a type error by its TS code and takes a comment on it', async () => {
    const tia = await team.addLearner('tia@example.com');
    // lint-gate's fixed-coupon-in-plain-else slip: reads amountCents of a coupon that may be undefined.
    const checkout = (solved['src/checkout.ts'] ?? '').replace(
      "} else if (coupon?.kind === 'fixed') {",
      "} else if (coupon?.kind !== 'percent') {",
    );
    expect((await graded(tia.client, { ...solved, 'src/checkout.ts': checkout })).verdict).toBe('fail');
    const signature: FailureSignature = { checkId: 'checkout-types', kind: 'type', value: 'TS18048' };
    expect((await signals()).signatures).toContainEqual({ exercise: 'lint-gate', signature, learners: 1 });
    const created = await team.mentor.json<{ reach: number }>(
      'POST',
      `/api/cohorts/${team.cohortId}/signature-comments`,
      { exercise: 'lint-gate', signature, label: 'issue', body: 'Narrow the coupon before reading it.' },
    );
    expect(created.status).toBe(201);
    expect(created.body.reach).toBe(1);
  }, 120_000);

  it('lists the seeded defects a review missed for staff, while the learner’s report still only counts them', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'review-rate-limiter-pr');
    const review = await team.assign(['review-rate-limiter-pr']);
    const starter = {
      'review.json': bundle.starter['review.json'] ?? '',
      'src/rate-limiter.ts': bundle.starter['src/rate-limiter.ts'] ?? '',
    };
    const sub = await untilGraded(team.learner, (await team.submit(review, 'review-rate-limiter-pr', starter)).id);
    const defects = (await signals()).signatures.filter(
      (s) => s.exercise === 'review-rate-limiter-pr' && s.signature.kind === 'defect',
    );
    expect(defects.length).toBeGreaterThan(0);
    const seen = JSON.stringify(sub.serverReports[0]?.report);
    for (const d of defects) expect(seen).not.toContain(d.signature.value);
  }, 60_000);

  let mismatched: Submission;
  let rejected: Submission;

  it('lists a browser pass the server failed, and a pass the mentor sent back, and nothing else', async () => {
    const mine = await team.learner.json<{ submissions: Submission[] }>(
      'GET',
      `/api/assignments/${assignment}/submissions`,
    );
    const passing = mine.body.submissions.find((s) => s.verdict === 'pass');
    // The browser's claim is a real passing report (the solved revision's); the server grades the files.
    mismatched = await graded(team.learner, failing, passing?.serverReports[0]?.report);
    rejected = await graded(team.learner, {
      ...solved,
      'src/checkout.ts': `${solved['src/checkout.ts']}\nexport const DEBUG_TOTALS = true;\n`,
    });
    expect(rejected.verdict).toBe('pass');
    const now = new Date().toISOString();
    // R1's decision route writes this row; the signals read it whoever writes it.
    await h.store.db
      .insertInto('review_decision')
      .values({
        id: newId(),
        submission_id: rejected.id,
        mentor_id: null,
        decision: 'request_changes',
        body: 'Remove the debug flag before this ships.',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const list = await team.mentor.json<{ disagreements: Disagreement[] }>(
      'GET',
      `/api/cohorts/${team.cohortId}/disagreements`,
    );
    expect(list.body.disagreements.map((d) => [d.kind, d.submissionId, d.browserVerdict, d.serverVerdict])).toEqual([
      ['changes-requested', rejected.id, null, 'pass'],
      ['verdict-mismatch', mismatched.id, 'pass', 'fail'],
    ]);
    // The checks the grader found to differ, as it stored them; the totals test is one of them.
    expect(list.body.disagreements[1]?.checks).toEqual(mismatched.serverReports[0]?.mismatch);
    expect(list.body.disagreements[1]?.checks).toContain('checkout-total');
    expect(list.body.disagreements[0]?.note).toBe('Remove the debug flag before this ships.');
    expect((await team.learner.json('GET', `/api/cohorts/${team.cohortId}/disagreements`)).status).toBe(404);
  }, 120_000);

  it('exports a disagreement as a tar of only what differs, and refuses a revision that is none', async () => {
    const res = await team.mentor.request('GET', `/api/submissions/${mismatched.id}/fixture`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    const names = tarNames(new Uint8Array(await res.arrayBuffer()));
    expect(names.every((n) => /^engines-disagree-[0-9a-f]{8}\.(README\.md|wrong-solution\.yaml)$/.test(n))).toBe(true);
    expect(names).toHaveLength(2);
    expect((await team.learner.request('GET', `/api/submissions/${mismatched.id}/fixture`)).status).toBe(403);
    expect((await team.mentor.request('GET', `/api/submissions/${firstFailing.id}/fixture`)).status).toBe(409);
  });

  it('answers the signals and the disagreements in as many queries for 40 more learners as before', async () => {
    const count = async (path: string): Promise<number> => {
      let queries = 0;
      const db = h.store.db;
      // One result per statement executed (transformQuery would also count each subquery node).
      h.store.db = db.withPlugin({
        transformQuery: (args) => args.node,
        transformResult: (args) => (queries++, Promise.resolve(args.result)),
      });
      try {
        expect((await team.mentor.request('GET', path)).status).toBe(200);
      } finally {
        h.store.db = db;
      }
      return queries;
    };
    // The grader polls the same store; stopped, it cannot add its queries to the count.
    await grader.stop();
    const paths = [`/api/cohorts/${team.cohortId}/signals`, `/api/cohorts/${team.cohortId}/disagreements`];
    const before = [await count(paths[0] ?? ''), await count(paths[1] ?? '')];
    await addGradedLearners(h, team.cohortId, assignment, 40, failingTest);
    const after = [await count(paths[0] ?? ''), await count(paths[1] ?? '')];
    console.log(
      `signals queries on ${database.name}: signals ${before[0]} → ${after[0]}, disagreements ${before[1]} → ${after[1]} (with 40 more learners)`,
    );
    expect(after).toEqual(before);
    const { signatures } = await signals();
    expect(signatures.find((s) => s.signature.value === failingTest.value)?.learners).toBe(42);
  }, 60_000);
});

/**
 * Learners with one graded revision each, written straight to the store (grading 40 revisions would only
 * slow the test): each fails `signature` and each the browser passed, so both lists grow with them.
 */
async function addGradedLearners(
  h: Harness,
  cohortId: string,
  assignmentId: string,
  n: number,
  signature: FailureSignature,
): Promise<void> {
  const now = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const userId = newId();
    const submissionId = newId();
    const reportId = newId();
    await h.store.db
      .insertInto('user')
      .values({
        id: userId,
        name: `Learner ${i}`,
        email: `bulk${i}@example.com`,
        emailVerified: h.store.kind === 'postgres' ? false : 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await h.store.db
      .insertInto('membership')
      .values({ cohort_id: cohortId, user_id: userId, role: 'learner', created_at: now, updated_at: now })
      .execute();
    await h.store.db
      .insertInto('submission')
      .values({
        id: submissionId,
        assignment_id: assignmentId,
        user_id: userId,
        exercise: 'lint-gate',
        revision: 1,
        files: '{}',
        browser_report: null,
        content_hash: 'x',
        engine_versions: '{}',
        submitted_at: now,
        late: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await h.store.db
      .insertInto('server_report')
      .values({
        id: reportId,
        submission_id: submissionId,
        content_hash: 'x',
        engine_versions: '{}',
        report: '{}',
        verdict: 'fail',
        mismatch: JSON.stringify([signature.checkId]),
        graded_by: 'bulk',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await h.store.db
      .insertInto('report_signature')
      .values({
        server_report_id: reportId,
        submission_id: submissionId,
        check_id: signature.checkId,
        signature_kind: signature.kind,
        signature: signature.value,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

/** File names in a ustar archive, read by the header layout (not by our writer's code). */
function tarNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= bytes.length;) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = new TextDecoder().decode(header.subarray(0, 100)).replace(/\0.*$/s, '');
    const size = parseInt(new TextDecoder().decode(header.subarray(124, 136)).replace(/\0.*$/s, ''), 8);
    names.push(name);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/**
 * The round trip an exercise author makes: download a disagreement's fixture, extract it with the system's
 * tar into a copy of the exercise's fixtures/wrong/, paste the entry into exercise.yaml, run verify.
 */
describe('a disagreement exported as a fixture, through exercises verify', () => {
  let h: Harness;
  let team: GradingCohort;
  let grader: Grader;
  const cleanup: string[] = [];

  beforeAll(async () => {
    const [sqlite] = TEST_DATABASES;
    if (!sqlite) throw new Error('no embedded database');
    h = await startHarness(sqlite, undefined, { catalog, nudgeGrader: () => grader.nudge() });
    team = await gradingCohort(h);
    grader = new Grader({ store: h.store, catalog, idleMs: 100, toolchain: new NodeToolchain() });
    await grader.start();
  }, 60_000);
  afterAll(async () => {
    await grader.stop();
    await h.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  async function exportInto(submissionId: string): Promise<{ exercisesDir: string; id: string }> {
    const res = await team.mentor.request('GET', `/api/submissions/${submissionId}/fixture`);
    expect(res.status).toBe(200);
    const { exercisesDir, dir } = await copyExercise('lint-gate');
    cleanup.push(exercisesDir);
    const archive = join(mkdtempSync(join(tmpdir(), 'craftpath-fixture-')), 'fixture.tar');
    cleanup.push(join(archive, '..'));
    writeFileSync(archive, new Uint8Array(await res.arrayBuffer()));
    execFileSync('tar', ['-xf', archive, '-C', join(dir, 'fixtures', 'wrong')]);
    const snippetFile = readdirSync(join(dir, 'fixtures', 'wrong')).find((f) => f.endsWith('.wrong-solution.yaml'));
    if (!snippetFile) throw new Error('the archive holds no wrong-solution entry');
    const yamlPath = join(dir, 'exercise.yaml');
    const yaml = readFileSync(yamlPath, 'utf8');
    const snippet = readFileSync(join(dir, 'fixtures', 'wrong', snippetFile), 'utf8');
    writeFileSync(yamlPath, yaml.replace('\nwrongSolutions:\n', `\nwrongSolutions:\n${snippet}`));
    return { exercisesDir, id: snippetFile.replace('.wrong-solution.yaml', '') };
  }

  it('verify accepts a browser-vs-server disagreement and names the check that catches it', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'lint-gate');
    const solution = solutionFiles(bundle);
    const solved = {
      'eslint.config.js': solution['eslint.config.js'] ?? '',
      'src/checkout.ts': solution['src/checkout.ts'] ?? '',
    };
    const assignment = await team.assign(['lint-gate']);
    const pass = await untilGraded(team.learner, (await team.submit(assignment, 'lint-gate', solved)).id);
    const res = await team.learner.json<Submission>('POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files: { ...solved, 'src/checkout.ts': bundle.starter['src/checkout.ts'] ?? '' },
      browserReport: pass.serverReports[0]?.report,
    });
    await untilGraded(team.learner, res.body.id);
    const { exercisesDir, id } = await exportInto(res.body.id);
    const outcome = await verifyExercise(exercisesDir, 'lint-gate', new NodeToolchain());
    expect(outcome.problems).toEqual([]);
    expect(outcome.caught.find((line) => line.includes(id))).toMatch(/gate/);
  }, 300_000);

  it('verify refuses a rejected pass until the author names the check that will catch it', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'lint-gate');
    const solution = solutionFiles(bundle);
    const assignment = await team.assign(['lint-gate']);
    const sub = await team.submit(assignment, 'lint-gate', {
      'eslint.config.js': solution['eslint.config.js'] ?? '',
      'src/checkout.ts': `${solution['src/checkout.ts']}\nexport const DEBUG_TOTALS = true;\n`,
    });
    await untilGraded(team.learner, sub.id);
    const now = new Date().toISOString();
    await h.store.db
      .insertInto('review_decision')
      .values({
        id: newId(),
        submission_id: sub.id,
        mentor_id: null,
        decision: 'request_changes',
        body: 'No debug flags.',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { exercisesDir } = await exportInto(sub.id);
    const outcome = await verifyExercise(exercisesDir, 'lint-gate', new NodeToolchain());
    expect(outcome.problems.join('\n')).toMatch(/TODO\(author\) placeholder\(s\) left .*exercise\.yaml:\d+/);
  }, 300_000);
});

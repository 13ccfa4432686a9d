import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeToolchain } from '../../../src/runtime/engines/node/node-toolchain.ts';
import { solutionFiles, type ExerciseBundle } from '../../../src/runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../../../src/runtime/exercise/fixture-edits.ts';
import { loadExercise } from '../../../src/runtime/exercise/load-from-disk.ts';
import { Grader } from '../../../src/server/grading/grader.ts';
import { ExerciseCatalog } from '../../../src/server/grading/exercise-catalog.ts';
import type { Submission } from '../../../src/shared-api/assignments-api.ts';
import { startHarness, type Harness } from './harness.ts';
import { gradingCohort, untilGraded, type GradingCohort } from './grading-fixture.ts';
import { TEST_DATABASES } from './stores.ts';

/**
 * The grader end to end on each database: a learner submits through the API, a real Grader takes the
 * job from the queue and grades it with the real ESLint in the sandbox, and the report appears on the
 * revision beside the browser's, with a flag where the two disagree.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const editable = (files: Record<string, string>) => ({
  'eslint.config.js': files['eslint.config.js'] ?? '',
  'src/checkout.ts': files['src/checkout.ts'] ?? '',
});

describe.each(TEST_DATABASES)('the grader on $name', (database) => {
  let h: Harness;
  let team: GradingCohort;
  let grader: Grader;
  let solved: Record<string, string>;
  let wrong: Record<string, string>;
  const graded: string[] = [];
  // A copy of the exercise, so a test can edit its content the way an author would.
  const root = mkdtempSync(join(tmpdir(), 'craftpath-grader-content-'));
  cpSync(join(ROOT, 'exercises', 'lint-gate'), join(root, 'exercises', 'lint-gate'), { recursive: true });
  const catalog = new ExerciseCatalog(root);

  beforeAll(async () => {
    h = await startHarness(database, undefined, { catalog, nudgeGrader: () => grader.nudge() });
    team = await gradingCohort(h);
    const { bundle } = await loadExercise(join(ROOT, 'exercises'), 'lint-gate');
    solved = editable(solutionFiles(bundle));
    wrong = editable(wrongSolutionFiles(bundle, wrongSolution(bundle, 'formatting-only')));
    grader = new Grader({
      store: h.store,
      catalog,
      idleMs: 100,
      toolchain: new NodeToolchain(),
      onGraded: (event) => graded.push(event.jobId),
    });
    await grader.start();
    // Several scrypt sign-ups: seconds on a loaded machine.
  }, 60_000);
  afterAll(async () => {
    await grader.stop();
    await h.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('fails a wrong answer and passes a resubmitted correct one, keeping both revisions', async () => {
    const assignment = await team.assign(['lint-gate']);
    const first = await team.submit(assignment, 'lint-gate', wrong);
    const second = await team.submit(assignment, 'lint-gate', solved);
    const [a, b] = [await untilGraded(team.learner, first.id), await untilGraded(team.learner, second.id)];
    expect(a.verdict).toBe('fail');
    expect(a.serverReports[0]?.report.checks.find((c) => c.id === 'gate')?.status).toBe('fail');
    expect(b.verdict).toBe('pass');
    expect(b.serverReports[0]).toMatchObject({
      current: true,
      contentHash: second.contentHash,
      engineVersions: { engine: 'node', eslint: expect.any(String), vitest: expect.any(String) },
    });
    const seen = await team.mentor.json<{ submissions: Submission[] }>(
      'GET',
      `/api/assignments/${assignment}/submissions`,
    );
    expect(seen.body.submissions.map((s) => [s.revision, s.verdict])).toEqual([
      [1, 'fail'],
      [2, 'pass'],
    ]);
  }, 120_000);

  it('flags a browser report that claims a pass the server does not confirm', async () => {
    const assignment = await team.assign(['lint-gate']);
    const forged = {
      version: 1,
      exercise: 'lint-gate',
      engine: 'worker',
      startedAt: new Date().toISOString(),
      durationMs: 1,
      verdict: 'pass',
      checks: [{ id: 'gate', kind: 'lint', title: 'gate', status: 'pass', summary: 'ok', durationMs: 1 }],
    };
    const res = await team.learner.json<Submission>('POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files: wrong,
      browserReport: forged,
      engineVersions: { engine: 'worker' },
    });
    const done = await untilGraded(team.learner, res.body.id);
    expect(done.browserReport?.verdict).toBe('pass');
    expect(done.verdict).toBe('fail');
    expect(done.serverReports[0]?.mismatch).toEqual(['gate']);
  }, 120_000);

  it('regrades on request, keeping the old report and adding none while the content is unchanged', async () => {
    const assignment = await team.assign(['lint-gate']);
    const sub = await team.submit(assignment, 'lint-gate', solved);
    await untilGraded(team.learner, sub.id);
    const again = await team.mentor.json<{ enqueued: number }>('POST', `/api/assignments/${assignment}/regrade`);
    expect(again.body.enqueued).toBe(0);
    const reports = await h.store.db
      .selectFrom('server_report')
      .select('id')
      .where('submission_id', '=', sub.id)
      .execute();
    expect(reports).toHaveLength(1);
  }, 120_000);

  it('regrades a cohort after the exercise changed: the old report stays, the new one has the new hash', async () => {
    const assignment = await team.assign(['lint-gate']);
    const sub = await team.submit(assignment, 'lint-gate', solved);
    const before = await untilGraded(team.learner, sub.id);
    // The author adds a hidden bug sample the learner's gate does not know about.
    appendFileSync(join(root, 'exercises', 'lint-gate', 'hidden', 'samples', 'bugs', 'page-limit.ts'), '\n');
    const regrade = await team.mentor.json<{ enqueued: number }>('POST', `/api/assignments/${assignment}/regrade`);
    expect(regrade.body.enqueued).toBe(1);
    let after = await untilGraded(team.learner, sub.id);
    while (after.serverReports.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await untilGraded(team.learner, sub.id);
    }
    const [old, fresh] = after.serverReports;
    expect(old).toMatchObject({ id: before.serverReports[0]?.id, current: false, contentHash: sub.contentHash });
    expect(fresh?.current).toBe(true);
    expect(fresh?.contentHash).not.toBe(sub.contentHash);
    // Each graded job was graded once.
    expect(graded.length).toBe(new Set(graded).size);
  }, 120_000);
});

/** A wrong solution of the exercise by its id, or a plain error naming it. */
function wrongSolution(bundle: ExerciseBundle, id: string) {
  const wrong = bundle.meta.wrongSolutions.find((w) => w.id === id);
  if (!wrong) throw new Error(`${bundle.meta.title} has no wrong solution "${id}"`);
  return wrong;
}

import { describe, expect, it } from 'vitest';
import { listExerciseSlugs, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../../src/runtime/engines/node/node-type-kit.ts';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';

const EXERCISES = 'exercises';
const slugs = await listExerciseSlugs(EXERCISES);
const toolchain = new WorkerToolchain(loadNodeTypeKit);

/** One line per check that did not pass, so a failure shows what the learner would see. */
function problems(report: CheckReport): string[] {
  return report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status}: ${c.summary}`);
}

describe.each(slugs)('exercise %s in the worker engine', (slug) => {
  it('passes with the reference solution, fails with the starter, and every wrong solution fails its caughtBy check', async () => {
    const { bundle } = await loadExercise(EXERCISES, slug);
    const solution = await runChecks(bundle, solutionFiles(bundle), toolchain);
    expect(problems(solution)).toEqual([]);
    expect(solution.verdict).toBe('pass');

    const starter = await runChecks(bundle, bundle.starter, toolchain);
    expect(starter.verdict).toBe(bundle.meta.starterFails ? 'fail' : 'pass');

    for (const wrong of bundle.meta.wrongSolutions) {
      const report = await runChecks(bundle, wrongSolutionFiles(bundle, wrong), toolchain);
      const caughtBy = report.checks.find((c) => c.id === wrong.caughtBy);
      expect(caughtBy?.status, `${wrong.id} (${wrong.mistake}) must fail "${wrong.caughtBy}"`).toBe('fail');
    }
    // A starter that waits on real time runs its tests into the per-test limit, mutant after mutant.
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles, visibleStarter } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { warmUp } from '../../src/runtime/engines/worker/warm-up.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

// The warm-up transforms the exercise's files and the learner's last ones ahead (transformAhead); a run
// must still grade the files it is given, whatever was transformed before.
describe('worker warm-up', () => {
  it('grades the files of the run, not the ones transformed ahead', async () => {
    const { bundle } = await loadExercise('exercises', 'payment-charge');
    const toolchain = new WorkerToolchain();
    const broken = { ...visibleStarter(bundle), 'src/charge.ts': 'export function charge(\n  oops: = 1;\n' };
    await warmUp(bundle, toolchain, 'run', broken);

    const brokenRun = await runChecks(bundle, broken, toolchain);
    expect(brokenRun.verdict).toBe('fail');
    expect(JSON.stringify(brokenRun.checks)).toContain('src/charge.ts');

    const solved = await runChecks(bundle, solutionFiles(bundle), toolchain);
    expect(solved.checks.map((c) => [c.id, c.status])).toEqual(bundle.meta.checks.map((c) => [c.id, 'pass']));
  });
});

import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

describe('lint fixture expectations', () => {
  it('do not count a rule that only warns as catching the bug: a warning stops no build', async () => {
    const { bundle } = await loadExercise('exercises', 'module-boundaries');
    const solved = solutionFiles(bundle);
    const warnOnly = {
      ...solved,
      'eslint.config.js': (solved['eslint.config.js'] ?? '').replace(
        "'no-restricted-imports': [\n      'error',",
        "'no-restricted-imports': [\n      'warn',",
      ),
    };
    expect(warnOnly['eslint.config.js']).not.toBe(solved['eslint.config.js']);

    const report = await runChecks(bundle, warnOnly, new WorkerToolchain());
    const boundaries = report.checks.find((c) => c.id === 'boundaries');

    expect(boundaries?.status).toBe('fail');
    expect(boundaries?.items?.find((i) => i.status === 'fail')?.message).toMatch(/only warns/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { splitAnswerKeys, withAnswerKey } from '../../src/runtime/exercise/answer-keys.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import type { Toolchain } from '../../src/runtime/checks/toolchain.ts';

const noTools: Toolchain = {
  engine: 'worker',
  lint: () => Promise.reject(new Error('not needed')),
  test: () => Promise.reject(new Error('not needed')),
};

describe('answer keys', () => {
  it('keeps keys, the reference answer and wrong answers out of the page bundle of a judgment exercise', async () => {
    const { bundle } = await loadExercise('exercises', 'review-rate-limiter-pr');
    const { page, key } = splitAnswerKeys(bundle);
    expect(page.fixtures).toEqual({});
    expect(page.solution).toEqual({});
    expect(JSON.stringify(page)).not.toMatch(/circuit breaker/i);
    expect(Object.keys(key?.fixtures ?? {})).toEqual(['fixtures/key/review.json']);
    // On submit the page merges the key back in and grades with the same runChecks path.
    if (!key) throw new Error('a review exercise must have a key file');
    const full = withAnswerKey(page, key);
    const report = await runChecks(full, solutionFiles(full), noTools);
    expect(report.verdict).toBe('pass');
    await expect(runChecks(page, solutionFiles(full), noTools)).resolves.toMatchObject({ verdict: 'error' });
  });

  it('leaves a code exercise unchanged', async () => {
    const { bundle } = await loadExercise('exercises', 'cache-adr');
    expect(splitAnswerKeys(bundle)).toEqual({ page: bundle, key: undefined });
  });
});

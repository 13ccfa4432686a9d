import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitBundle } from '../../src/runtime/checks/split-bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));

describe('splitting a bundle for the browser', () => {
  it('ships the mutants of a readonly subject and no solution or wrong answers', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'refund-mutation-tests');
    const { upfront, onSubmit } = splitBundle(bundle);
    expect(onSubmit).toEqual([]);
    expect(upfront.solution).toEqual({});
    expect(Object.keys(upfront.fixtures)).toHaveLength(13);
    expect(Object.keys(upfront.fixtures).every((path) => path.startsWith('fixtures/mutants/'))).toBe(true);
  });

  it('defers mutation testing to submit when its reference is the file the learner must write', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'payment-charge');
    const { upfront, onSubmit } = splitBundle(bundle);
    expect(onSubmit).toEqual(['your-tests']);
    expect(upfront.solution).toEqual({});
    expect(upfront.fixtures).toEqual({});
    expect(Object.keys(upfront.hidden)).toEqual(['tests/charge.scenarios.test.ts']);
  });
});

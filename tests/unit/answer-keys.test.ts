import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExerciseLoadError, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { copyExercise, editFile } from './exercise-copy.ts';
import { splitAnswerKeys, withAnswerKey } from '../../src/runtime/exercise/answer-keys.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import type { Toolchain } from '../../src/runtime/checks/toolchain.ts';

const noTools: Toolchain = {
  engine: 'worker',
  lint: () => Promise.reject(new Error('not needed')),
  typecheck: () => Promise.reject(new Error('not needed')),
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
    // The page grades only the judgment checks itself; the code checks of review-then-fix go to the workbench.
    const judged = { ...page, meta: { ...page.meta, checks: page.meta.checks.filter((c) => c.kind === 'review') } };
    const full = withAnswerKey(judged, key);
    const report = await runChecks(full, solutionFiles(full), noTools);
    expect(report.verdict).toBe('pass');
    await expect(runChecks(judged, solutionFiles(full), noTools)).resolves.toMatchObject({ verdict: 'error' });
  });

  it('leaves a code exercise unchanged', async () => {
    const { bundle } = await loadExercise('exercises', 'cache-adr');
    expect(splitAnswerKeys(bundle)).toEqual({ page: bundle, key: undefined });
  });
});

describe('an answer key on load', () => {
  const cleanups: string[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('names the field of a key that does not exist, and of one outside fixtures/', async () => {
    const { exercisesDir, dir } = await copyExercise('cache-decision');
    cleanups.push(exercisesDir);
    await editFile(join(dir, 'exercise.yaml'), (t) => t.replace('fixtures/key/decision.json', 'fixtures/key/x.json'));
    const error = await loadExercise(exercisesDir, 'cache-decision').catch((e: unknown) => e);
    expect((error as ExerciseLoadError).problems).toEqual([
      'exercises/cache-decision/exercise.yaml: checks[0].answerKey: "fixtures/key/x.json" does not exist',
    ]);
    await editFile(join(dir, 'exercise.yaml'), (t) => t.replace('fixtures/key/x.json', 'decision.json'));
    const outside = await loadExercise(exercisesDir, 'cache-decision').catch((e: unknown) => e);
    expect((outside as ExerciseLoadError).problems[0]).toMatch(
      /checks\[0\]\.answerKey: use a JSON file under fixtures\//,
    );
  });
});

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExerciseLoadError, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { copyExercise, editFile } from './exercise-copy.ts';

const cleanups: string[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function brokenCopy(slug: string) {
  const copy = await copyExercise(slug);
  cleanups.push(copy.exercisesDir);
  return copy;
}

async function problemsOf(exercisesDir: string, slug: string): Promise<readonly string[]> {
  const error = await loadExercise(exercisesDir, slug).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExerciseLoadError);
  return (error as ExerciseLoadError).problems;
}

describe('loading an exercise', () => {
  it('reads every folder of a real exercise into the bundle', async () => {
    const { exercisesDir } = await brokenCopy('payment-charge');
    const { bundle } = await loadExercise(exercisesDir, 'payment-charge');
    expect(Object.keys(bundle.starter)).toContain('src/charge.ts');
    expect(Object.keys(bundle.hidden)).toEqual(['tests/charge.scenarios.test.ts']);
    expect(Object.keys(bundle.fixtures)).toContain('fixtures/mutants/no-retry.ts');
  });

  it('names the file and the field of a path a check uses but files does not list', async () => {
    const { exercisesDir, dir } = await brokenCopy('payment-charge');
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t.replace('tests: [src/charge.test.ts]', 'tests: [src/charges.test.ts]'),
    );
    expect(await problemsOf(exercisesDir, 'payment-charge')).toContain(
      'exercises/payment-charge/exercise.yaml: checks[1].tests[0]: "src/charges.test.ts" is not listed in files',
    );
  });

  it('names the field of a schema error', async () => {
    const { exercisesDir, dir } = await brokenCopy('lint-gate');
    await editFile(join(dir, 'exercise.yaml'), (t) => t.replace('difficulty: intro', 'difficulty: easy'));
    const problems = await problemsOf(exercisesDir, 'lint-gate');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^exercises\/lint-gate\/exercise\.yaml: difficulty: /);
  });

  it('reports a YAML syntax error with the file name', async () => {
    const { exercisesDir, dir } = await brokenCopy('lint-gate');
    await editFile(join(dir, 'exercise.yaml'), (t) => t.replace('title: A lint gate', 'title: [A lint gate'));
    expect((await problemsOf(exercisesDir, 'lint-gate'))[0]).toMatch(
      /^exercises\/lint-gate\/exercise\.yaml: not valid YAML/,
    );
  });

  it('rejects a starter file that files does not list, a listed file that is missing, and a missing mutant', async () => {
    const { exercisesDir, dir } = await brokenCopy('refund-mutation-tests');
    await writeFile(join(dir, 'starter/src/notes.ts'), 'export {};\n');
    await rm(join(dir, 'starter/src/refund.ts'));
    await rm(join(dir, 'fixtures/mutants/zero-amount.ts'));
    const problems = await problemsOf(exercisesDir, 'refund-mutation-tests');
    expect(problems).toEqual(
      expect.arrayContaining([
        'exercises/refund-mutation-tests/starter/src/notes.ts: not listed in files of exercises/refund-mutation-tests/exercise.yaml',
        'exercises/refund-mutation-tests/exercise.yaml: files[1]: "src/refund.ts" does not exist in starter/',
        expect.stringMatching(/checks\[0\]\.mutants\[2\]\.file: "fixtures\/mutants\/zero-amount\.ts" does not exist/),
      ]),
    );
  });

  it('rejects a hidden file kept in starter/, where the learner would see it', async () => {
    const { exercisesDir, dir } = await brokenCopy('payment-charge');
    await mkdir(join(dir, 'starter/tests'), { recursive: true });
    await writeFile(join(dir, 'starter/tests/charge.scenarios.test.ts'), 'export {};\n');
    expect(await problemsOf(exercisesDir, 'payment-charge')).toContain(
      'exercises/payment-charge/starter/tests/charge.scenarios.test.ts: listed with role hidden, which belongs in hidden/',
    );
  });
});

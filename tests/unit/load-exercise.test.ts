import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(Object.keys(bundle.fixtures)).toContain('fixtures/wrong/happy-path-tests/src/charge.test.ts');
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

  it('rejects a starter file that files does not list and a listed file that is missing', async () => {
    const { exercisesDir, dir } = await brokenCopy('refund-mutation-tests');
    await writeFile(join(dir, 'starter/src/notes.ts'), 'export {};\n');
    await rm(join(dir, 'starter/src/refund.ts'));
    const problems = await problemsOf(exercisesDir, 'refund-mutation-tests');
    expect(problems).toEqual(
      expect.arrayContaining([
        'exercises/refund-mutation-tests/starter/src/notes.ts: not listed in files of exercises/refund-mutation-tests/exercise.yaml',
        'exercises/refund-mutation-tests/exercise.yaml: files[1]: "src/refund.ts" does not exist in starter/',
      ]),
    );
  });

  it('rejects a mutant whose find text the reference no longer holds, naming the mutant and the file', async () => {
    const { exercisesDir, dir } = await brokenCopy('refund-mutation-tests');
    // An author rewrites the guard; the zero-amount mutant was written against the old line.
    await editFile(join(dir, 'starter/src/refund.ts'), (t) =>
      t.replace('requestedCents <= 0) {', 'requestedCents < 1) {'),
    );
    expect(await problemsOf(exercisesDir, 'refund-mutation-tests')).toEqual(
      expect.arrayContaining([
        'exercises/refund-mutation-tests/exercise.yaml: checks[0].mutants[2] ("zero-amount"): mutant "zero-amount" on src/refund.ts: the edit no longer applies: its find text does not occur in the file (it must occur exactly once): "if (!Number.isInteger(requestedCents) || requestedCents <…"',
      ]),
    );
  });

  it('rejects an overlay file that repeats the solution, an edit that no longer applies, and an unknown caughtBy', async () => {
    const { exercisesDir, dir } = await brokenCopy('lint-gate');
    await mkdir(join(dir, 'fixtures/wrong/formatting-only/src'));
    await writeFile(
      join(dir, 'fixtures/wrong/formatting-only/src/checkout.ts'),
      await readFile(join(dir, 'solution/src/checkout.ts'), 'utf8'),
    );
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t
        .replace('find: totalCents -= coupon.amountCents;', 'find: totalCents -= coupon.amount;')
        .replace(/caughtBy: gate\n(\s+)edits/, 'caughtBy: lint\n$1edits'),
    );
    const problems = await problemsOf(exercisesDir, 'lint-gate');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^exercises\/lint-gate\/exercise\.yaml: wrongSolutions\[1\]\.caughtBy: "lint" is not the id of a check \(gate, checkout-total, checkout-types\)$/,
        ),
      ]),
    );
    // Schema problems come first and stop the load; fix the id and the file problems show.
    await editFile(join(dir, 'exercise.yaml'), (t) => t.replace('caughtBy: lint', 'caughtBy: gate'));
    expect(await problemsOf(exercisesDir, 'lint-gate')).toEqual([
      'exercises/lint-gate/fixtures/wrong/formatting-only/src/checkout.ts: identical to the solution\'s file, so it is redundant: delete it (wrong solution "formatting-only")',
      'exercises/lint-gate/exercise.yaml: wrongSolutions[2] ("gate-without-fix"): edits[0] on src/checkout.ts: the edit no longer applies: its find text does not occur in the file (it must occur exactly once): "totalCents -= coupon.amount;"',
    ]);
  });

  it('rejects an overlay that copies the solution with one line changed, asking for edits instead', async () => {
    const { exercisesDir, dir } = await brokenCopy('slo-burn-rate-alerts');
    // An author writes a new wrong answer the old way: the whole solution file with its bug.
    const solution = await readFile(join(dir, 'solution/src/slo.ts'), 'utf8');
    await mkdir(join(dir, 'fixtures/wrong/no-upper-bound/src'), { recursive: true });
    await writeFile(
      join(dir, 'fixtures/wrong/no-upper-bound/src/slo.ts'),
      solution.replace('at < start || at >= end ||', 'at < start ||'),
    );
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t.replace(
        'wrongSolutions:\n',
        'wrongSolutions:\n  - id: no-upper-bound\n    mistake: counts records from the future\n    caughtBy: edge-cases\n    overlay: fixtures/wrong/no-upper-bound\n',
      ),
    );
    expect(await problemsOf(exercisesDir, 'slo-burn-rate-alerts')).toEqual([
      'exercises/slo-burn-rate-alerts/fixtures/wrong/no-upper-bound/src/slo.ts: a near-copy of the solution\'s file (80% or more of its lines the same), which hides the lines that make it wrong: use edits instead (wrong solution "no-upper-bound")',
    ]);
  });

  it('accepts an overlay that rewrites most of a file', async () => {
    const { exercisesDir, dir } = await brokenCopy('slo-burn-rate-alerts');
    const solution = await readFile(join(dir, 'solution/src/slo.ts'), 'utf8');
    const lines = solution.split('\n');
    // A quarter of the lines rewritten: no longer a near-copy, so an overlay is the right form.
    const rewritten = lines.map((line, i) => (i % 4 === 0 ? `${line} // rewritten` : line)).join('\n');
    await mkdir(join(dir, 'fixtures/wrong/rewritten/src'), { recursive: true });
    await writeFile(join(dir, 'fixtures/wrong/rewritten/src/slo.ts'), rewritten);
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t.replace(
        'wrongSolutions:\n',
        'wrongSolutions:\n  - id: rewritten\n    mistake: a rewrite of a quarter of the lines\n    caughtBy: edge-cases\n    overlay: fixtures/wrong/rewritten\n',
      ),
    );
    const { bundle } = await loadExercise(exercisesDir, 'slo-burn-rate-alerts');
    expect(bundle.meta.wrongSolutions[0]?.overlay).toBe('fixtures/wrong/rewritten');
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

import { copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExercise, editFile } from './exercise-copy.ts';
import { runCli } from './run-cli.ts';

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copy(slug: string) {
  const result = await copyExercise(slug);
  copies.push(result.exercisesDir);
  return result;
}

describe('exercises verify', () => {
  it.each(['lint-gate', 'refund-mutation-tests', 'payment-charge'])(
    'accepts the real exercise %s',
    async (slug) => {
      const result = await runCli(['verify', slug]);
      expect(result.stdout).toContain(`✓ ${slug}`);
      expect(result.stdout).toContain('All 1 exercise(s) verified.');
      expect(result.code).toBe(0);
    },
    180_000,
  );

  it('rejects a broken solution and shows the failing lint problem', async () => {
    const { exercisesDir, dir } = await copy('lint-gate');
    await editFile(join(dir, 'solution/src/checkout.ts'), (t) =>
      t.replace('totalCents = Math.round', 'totalCents == Math.round'),
    );
    const result = await runCli(['verify', 'lint-gate', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the solution does not pass');
    expect(result.stdout).toMatch(/src\/checkout\.ts:13:5\s+no-unused-expressions/);
  }, 120_000);

  it('names the file and line of a syntax error in the lint config, in both engines', async () => {
    const { exercisesDir, dir } = await copy('lint-gate');
    // The closing bracket of the config array is lost, as when an author trims the file in a hurry.
    await editFile(join(dir, 'solution/eslint.config.js'), (t) => t.replace(/\];\s*$/, '\n'));
    const lines = (await readFile(join(dir, 'solution/eslint.config.js'), 'utf8')).split('\n').length;
    const result = await runCli(['verify', 'lint-gate', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    for (const engine of ['node', 'worker'])
      expect(result.stdout).toContain(
        `the solution does not pass in the ${engine} engine:\n    check "gate" error: The lint check could not run: eslint.config.js:${lines}:1: the lint config has a syntax error: Unexpected token`,
      );
  }, 120_000);

  it('rejects a starter that already passes', async () => {
    const { exercisesDir, dir } = await copy('lint-gate');
    await copyFile(join(dir, 'solution/eslint.config.js'), join(dir, 'starter/eslint.config.js'));
    await copyFile(join(dir, 'solution/src/checkout.ts'), join(dir, 'starter/src/checkout.ts'));
    const result = await runCli(['verify', 'lint-gate', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the starter already passes every check');
  }, 120_000);

  it('rejects a wrong solution that no check catches, naming it by id', async () => {
    const { exercisesDir, dir } = await copy('lint-gate');
    // The edit now "plants" the correct line, so the wrong solution is the solution again.
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t.replace('replace: totalCents - coupon.amountCents;', 'replace: totalCents -= coupon.amountCents; // ok'),
    );
    const result = await runCli(['verify', 'lint-gate', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('13/14 caught');
    expect(result.stdout).toContain(
      'wrong solution "gate-without-fix" ("the right config, but the bug it finds in checkout.ts is left in place") passes every check in the node engine',
    );
    expect(result.stdout).toContain('passes every check in the worker engine');
  }, 120_000);

  it('rejects a wrong solution caught by another check than the one it names', async () => {
    const { exercisesDir, dir } = await copy('toggle-router');
    await editFile(join(dir, 'exercise.yaml'), (t) =>
      t.replace(/(id: hard-coded-date\n.*\n\s+caughtBy:) toggle-expiry/, '$1 router'),
    );
    const result = await runCli(['verify', 'toggle-router', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /wrong solution "hard-coded-date" \(".*"\) must fail check "router" \(its caughtBy\), but in the node engine "router" passes: .* \(failing instead: "toggle-expiry" fail\)/,
    );
  }, 180_000);

  it('reports a wrong solution that leaves an unhandled rejection in the worker engine instead of crashing', async () => {
    const { exercisesDir, dir } = await copy('refund-fakes-contract');
    // Every provider rejection propagates; a hidden test starts refund() with `void`, so its rejection is unhandled.
    await editFile(
      join(dir, 'exercise.yaml'),
      (t) =>
        t +
        [
          '  - id: rejections-thrown',
          '    mistake: lets every provider rejection propagate',
          '    caughtBy: refactor-done',
          '    edits:',
          '      - file: src/refund-service.ts',
          "        find: 'if (error instanceof RefundRejectedError && error.code in REJECTIONS) {'",
          "        replace: 'if (false) {'",
          '',
        ].join('\n'),
    );
    const result = await runCli(['verify', 'refund-fakes-contract', '--exercises-dir', exercisesDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'wrong solution "rejections-thrown" ("lets every provider rejection propagate") left 1 unhandled promise rejection(s) in the worker engine (RefundRejectedError: refund rejected: charge-not-found)',
    );
  }, 180_000);

  it('scaffolds with `new`, refuses it while TODOs remain, and accepts it once they are filled', async () => {
    const { exercisesDir } = await copy('lint-gate');
    expect((await runCli(['new', 'greet-user', '--exercises-dir', exercisesDir])).code).toBe(0);
    const before = await runCli(['verify', 'greet-user', '--exercises-dir', exercisesDir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/TODO\(author\) placeholder\(s\) left .*exercise\.yaml:2/);
    await editFile(join(exercisesDir, 'greet-user/exercise.yaml'), (t) => t.replaceAll('TODO(author)', 'Filled in'));
    const after = await runCli(['verify', 'greet-user', '--exercises-dir', exercisesDir]);
    expect(after.stdout).toContain('✓ greet-user');
    expect(after.code).toBe(0);
  }, 120_000);
});

import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli.ts';

/** Issue 11.9 and the CLI side of 12.5: what `exercises check` says when the folder or the host is not as expected. */
const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function learnerDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'craftpath-learner-'));
  dirs.push(dir);
  return dir;
}

/** A folder holding the lint-gate solution: files the CLI did not write. */
async function solvedLintGate(): Promise<string> {
  const dir = await learnerDir();
  await mkdir(join(dir, 'src'));
  for (const file of ['eslint.config.js', 'src/checkout.ts'])
    await copyFile(join(EXERCISES, 'lint-gate/solution', file), join(dir, file));
  return dir;
}

/** The CLI with the sandbox probe told to miss `layers`, as on a host without them. */
async function runCliWithout(layers: string, args: string[]): Promise<CliResult> {
  process.env['CRAFTPATH_SANDBOX_WITHOUT'] = layers;
  try {
    return await runCli(args);
  } finally {
    Reflect.deleteProperty(process.env, 'CRAFTPATH_SANDBOX_WITHOUT');
  }
}

const NO_STACK = /^\s+at /m;

describe('exercises check, honestly', () => {
  it('names a missing editable file instead of grading an empty one', async () => {
    const dir = await learnerDir();
    await mkdir(join(dir, 'src'));
    await copyFile(join(EXERCISES, 'payment-charge/solution/src/charge.ts'), join(dir, 'src/charge.ts'));
    const result = await runCli(['check', 'payment-charge', '--dir', dir]);
    expect(result.stderr).toContain(`${dir} has no src/charge.test.ts: it is an editable file of`);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stdout).not.toContain('mutants');
    expect(result.code).toBe(2);
  }, 60_000);

  it('says a --dir that is a file is not a folder, without a stack trace', async () => {
    const file = join(await learnerDir(), 'notes.txt');
    await writeFile(file, 'hello');
    const result = await runCli(['check', 'lint-gate', '--dir', file]);
    expect(result.stderr).toContain(`${file} is not a folder`);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.code).toBe(2);
  });

  it('reports mutants as not run when the learner’s test file does not load, with workspace paths only', async () => {
    const dir = await learnerDir();
    await mkdir(join(dir, 'src'));
    await copyFile(join(EXERCISES, 'payment-charge/solution/src/charge.ts'), join(dir, 'src/charge.ts'));
    await writeFile(
      join(dir, 'src/charge.test.ts'),
      "import { it } from 'vitest';\nimport { helper } from './missing-helper.ts';\nit('uses it', () => helper());\n",
    );
    const result = await runCli(['check', 'payment-charge', '--dir', dir]);
    expect(result.stdout).toContain('Your tests did not load (src/charge.test.ts), so no mutant was run');
    expect(result.stdout).toContain("Cannot find module './missing-helper.ts' imported from src/charge.test.ts");
    expect(result.stdout).toMatch(/✗ a 5xx answer is not retried — Not run: your tests did not load/);
    expect(result.stdout).not.toContain('Killed by');
    // Neither the host's run folder nor the sandbox's mount point leaks into the report (the first line
    // names the learner's own folder).
    const report = result.stdout.slice(result.stdout.indexOf('\n'));
    expect(report).toContain('Your tests did not load');
    expect(report).not.toMatch(/craftpath-run-|\/workspace\/|\/tmp\//);
    expect(result.code).toBe(1);
  }, 60_000);

  it('caps a 50 MB failure message before it reaches the report', async () => {
    const dir = await learnerDir();
    await mkdir(join(dir, 'src'));
    await copyFile(join(EXERCISES, 'payment-charge/solution/src/charge.test.ts'), join(dir, 'src/charge.test.ts'));
    await writeFile(join(dir, 'src/charge.ts'), "throw new Error('x'.repeat(50 * 1024 * 1024));\n");
    const result = await runCli(['check', 'payment-charge', '--dir', dir]);
    expect(result.stdout).toMatch(/more characters cut\)/);
    expect(result.stdout.length).toBeLessThan(200_000);
    expect(result.code).toBe(1);
  }, 90_000);

  describe('on a host that cannot sandbox fully', () => {
    it('says what is missing and runs nothing without --trust', async () => {
      const dir = await solvedLintGate();
      const result = await runCliWithout('bwrap,cgroup', ['check', 'lint-gate', '--dir', dir]);
      expect(result.stderr).toContain(`This machine cannot fully sandbox the code in ${dir}:`);
      expect(result.stderr).toContain('no bubblewrap: the code can read every file this user can');
      expect(result.stderr).toContain('no writable cgroup: memory is limited only for the V8 heap');
      expect(result.stderr).toContain('add --trust');
      expect(result.stdout).not.toMatch(/PASS|FAIL/);
      expect(result.code).toBe(2);
    }, 60_000);

    it('runs with --trust, repeating what is missing', async () => {
      const dir = await solvedLintGate();
      const result = await runCliWithout('bwrap,cgroup', ['check', 'lint-gate', '--dir', dir, '--trust']);
      expect(result.stderr).toContain('Running it anyway (--trust).');
      expect(result.stdout).toContain('PASS');
      expect(result.code).toBe(0);
    }, 60_000);

    it('runs a starter it has just copied without asking: the CLI wrote those files', async () => {
      const dir = join(await learnerDir(), 'fresh');
      const result = await runCliWithout('bwrap,cgroup', ['check', 'lint-gate', '--dir', dir]);
      expect(result.stdout).toContain('Copied the starter');
      expect(result.stderr).not.toContain('cannot fully sandbox');
      expect(result.code).toBe(1);
    }, 60_000);
  });

  it('on this machine, which has every layer, checks a foreign folder without asking', async () => {
    const dir = await solvedLintGate();
    const result = await runCli(['check', 'lint-gate', '--dir', dir]);
    expect(result.stderr).not.toContain('cannot fully sandbox');
    expect(result.stdout).toContain('PASS');
  }, 60_000);
});

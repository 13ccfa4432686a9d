import { describe, expect, it } from 'vitest';
import { testBundle } from '../support/test-bundle.ts';
import type { EngineStatus } from '../../src/runtime/engines/engine.ts';
import { createWebContainerEngine } from '../../src/runtime/engines/webcontainer/webcontainer-engine.ts';
import { FakeSandbox, normalise, type FakeRun, type Spawned } from './support/fake-webcontainer.ts';

const bundle = testBundle({
  slug: 'count-demo',
  meta: {
    engine: 'auto',
    timeoutMs: 500,
    files: [
      { path: 'src/count.ts', role: 'editable' },
      { path: 'eslint.config.js', role: 'readonly' },
      { path: 'tests/count.test.ts', role: 'hidden' },
    ],
    checks: [
      { id: 'lint', kind: 'lint', title: 'Lint', files: ['src/count.ts'] },
      { id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/count.test.ts'] },
    ],
  },
  starter: {
    'src/count.ts': 'export function count(items: unknown[]): number {\n  return 0;\n}\n',
    'eslint.config.js': "export default [{ rules: { eqeqeq: 'error' } }];\n",
  },
  hidden: { 'tests/count.test.ts': "import { it } from 'vitest';\nit('counts', () => {});\n" },
});

const WORKDIR = '/home/craftpath';

/** ESLint's `--format json` for one eqeqeq error, written where the engine asked (--output-file). */
function eslintRun(spawned: Spawned): FakeRun {
  const out = spawned.args[spawned.args.indexOf('--output-file') + 1] ?? '';
  const report = [
    {
      filePath: `${WORKDIR}/${spawned.cwd}/src/count.ts`,
      messages: [
        { ruleId: 'eqeqeq', severity: 2, message: "Expected '===' and instead saw '=='.", line: 2, column: 12 },
      ],
    },
  ];
  return { exitCode: 1, effect: (fs) => fs.files.set(normalise(`${spawned.cwd}/${out}`), JSON.stringify(report)) };
}

/** Vitest's `--reporter=json`: one passing and one failing test in w0. */
function vitestRun(spawned: Spawned): FakeRun {
  const out = (spawned.args.find((a) => a.startsWith('--outputFile.json=')) ?? '').split('=')[1] ?? '';
  const report = {
    testResults: [
      {
        name: `${WORKDIR}/${spawned.cwd}/w0/tests/count.test.ts`,
        status: 'failed',
        message: '',
        assertionResults: [
          { title: 'counts two', ancestorTitles: ['count'], status: 'passed', duration: 2, failureMessages: [] },
          {
            title: 'counts none',
            ancestorTitles: ['count'],
            status: 'failed',
            duration: 1,
            failureMessages: ['AssertionError: expected 1 to be +0'],
          },
        ],
      },
    ],
  };
  return { exitCode: 1, effect: (fs) => fs.files.set(normalise(`${spawned.cwd}/${out}`), JSON.stringify(report)) };
}

/** A container where npm ci, ESLint and Vitest behave; `vitest` can be swapped per test. */
function sandboxWith(vitest: (spawned: Spawned) => FakeRun = vitestRun): FakeSandbox {
  const sandbox = new FakeSandbox();
  sandbox.tool = (spawned) => {
    if (spawned.command === 'npm') return { exitCode: 0, delayMs: 5 };
    if (spawned.args[0]?.endsWith('eslint/bin/eslint.js')) return eslintRun(spawned);
    if (spawned.args[0]?.endsWith('vitest/vitest.mjs')) return vitest(spawned);
    return { exitCode: 127, output: `${spawned.command}: not found` };
  };
  return sandbox;
}

const request = (code: string) => ({ exercise: bundle.slug, files: { 'src/count.ts': code } });
const engineOn = (sandbox: FakeSandbox, startupAllowanceMs = 0) =>
  createWebContainerEngine(bundle, { sandbox, startupAllowanceMs, install: { expected: [], pollMs: 5 } });

describe('WebContainer engine over a fake container', () => {
  it('parses the real tools’ JSON output into a CheckReport marked webcontainer', async () => {
    const sandbox = sandboxWith();
    const report = await engineOn(sandbox).check(request('export const count = (items: unknown[]) => items.length;\n'));
    expect(report.engine).toBe('webcontainer');
    expect(report.verdict).toBe('fail');
    const [lint, tests] = report.checks;
    expect(lint?.status).toBe('fail');
    expect(lint?.lint).toEqual([
      expect.objectContaining({ file: 'src/count.ts', line: 2, ruleId: 'eqeqeq', severity: 'error' }),
    ]);
    expect(tests?.tests?.map((t) => [t.file, t.name, t.status])).toEqual([
      ['tests/count.test.ts', 'counts two', 'pass'],
      ['tests/count.test.ts', 'counts none', 'fail'],
    ]);
    // The same invocation as the Node engine: the real CLIs with JSON output, run by node.
    expect(sandbox.runsOf('eslint.js')[0]?.args).toEqual(
      expect.arrayContaining(['--format', 'json', '--no-inline-config']),
    );
    expect(sandbox.runsOf('vitest.mjs')[0]?.args).toEqual(expect.arrayContaining(['run', '--reporter=json']));
  });

  it('mounts and installs once for several submits, reporting install progress', async () => {
    const sandbox = sandboxWith();
    sandbox.fs.modules = ['eslint'];
    const engine = createWebContainerEngine(bundle, {
      sandbox,
      install: { expected: ['eslint', 'vitest'], pollMs: 1 },
    });
    sandbox.tool = ((tool) => (spawned: Spawned) =>
      spawned.command === 'npm' ? { exitCode: 0, delayMs: 30 } : tool(spawned))(sandbox.tool);
    const statuses: EngineStatus[] = [];
    for (const code of ['a', 'b', 'c'])
      await engine.check(request(`export const v = '${code}';\n`), { onStatus: (s) => statuses.push(s) });
    expect(sandbox.mounts).toHaveLength(1);
    expect(Object.keys(sandbox.mounts[0] ?? {}).sort()).toEqual(['package-lock.json', 'package.json']);
    expect(sandbox.runsOf('npm').map((s) => s.args)).toEqual([['ci', '--no-audit', '--no-fund', '--loglevel=error']]);
    const progress = statuses.flatMap((s) => (s.phase === 'installing' ? [s.progress] : []));
    expect(progress[0]).toBe(0);
    expect(progress).toContain(0.5); // one of two folders counted while npm ran
    expect(progress.at(-1)).toBe(1);
    expect(statuses.filter((s) => s.phase === 'running')).toHaveLength(3);
  });

  it('writes only the files that changed since the previous check', async () => {
    const sandbox = sandboxWith();
    const engine = engineOn(sandbox);
    await engine.check(request('export const v = 1;\n'));
    const first = [...sandbox.fs.writes];
    expect(first).toEqual(
      expect.arrayContaining(['run/w0/src/count.ts', 'run/w0/eslint.config.js', 'run/w0/tests/count.test.ts']),
    );

    sandbox.fs.writes.length = 0;
    await engine.check(request('export const v = 1;\n'));
    expect(sandbox.fs.writes).toEqual([]);

    await engine.check(request('export const v = 2;\n'));
    expect(sandbox.fs.writes).toEqual(['run/w0/src/count.ts']);
    expect(sandbox.fs.files.get('run/w0/src/count.ts')).toBe('export const v = 2;\n');
  });

  it('cancels the run in progress when a new one starts, killing its process', async () => {
    let calls = 0;
    const sandbox = sandboxWith((spawned) => (++calls === 1 ? { hang: true } : vitestRun(spawned)));
    const engine = engineOn(sandbox, 10_000);
    const first = engine.check(request('export const v = 1;\n'));
    const firstOutcome = first.then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    await until(() => sandbox.runsOf('vitest.mjs').length === 1);
    const second = await engine.check(request('export const v = 2;\n'));
    await expect(firstOutcome).resolves.toBe('AbortError');
    expect(sandbox.runsOf('vitest.mjs').map((s) => s.killed)).toEqual([true, false]);
    expect(second.checks.map((c) => c.status)).toEqual(['fail', 'fail']);
    expect(sandbox.fs.files.get('run/w0/src/count.ts')).toBe('export const v = 2;\n');
  });

  it('kills a stuck run at the time limit and reports it as a timeout', async () => {
    const sandbox = sandboxWith(() => ({ hang: true }));
    const started = Date.now();
    const report = await engineOn(sandbox).check(request('export const v = 1;\n'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.verdict).toBe('timeout');
    expect(report.checks.map((c) => c.status)).toEqual(['fail', 'timeout']);
    expect(report.checks[1]?.summary).toMatch(/Stopped after 500 ms/);
    expect(sandbox.runsOf('vitest.mjs')[0]?.killed).toBe(true);
  });

  it('reports a failed install as an InstallError and retries it on the next check', async () => {
    const sandbox = sandboxWith();
    let installs = 0;
    const tools = sandbox.tool;
    sandbox.tool = (spawned) =>
      spawned.command === 'npm' ? { exitCode: ++installs === 1 ? 1 : 0, output: 'ERR! network' } : tools(spawned);
    const engine = engineOn(sandbox);
    await expect(engine.check(request('x'))).rejects.toMatchObject({
      name: 'InstallError',
      message: expect.stringMatching(/npm ci failed.*network/s),
    });
    await expect(engine.check(request('x'))).resolves.toMatchObject({ engine: 'webcontainer' });
    expect(installs).toBe(2);
  });
});

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { checkReportSchema } from '../../src/runtime/report/check-report.ts';
import { RunTimeoutError, type Toolchain } from '../../src/runtime/checks/toolchain.ts';
import { RunProgress } from '../../src/runtime/grading/run-progress.ts';
import { testBundle } from '../support/test-bundle.ts';

const bundle = testBundle({
  meta: {
    files: [
      { path: 'src/a.ts', role: 'editable' },
      { path: 'tests/a.test.ts', role: 'hidden' },
      { path: 'eslint.config.js', role: 'readonly' },
      { path: 'docs/adr.md', role: 'editable' },
    ],
    checks: [
      { id: 'lint', title: 'Lint', kind: 'lint', files: ['src/a.ts'] },
      { id: 'tests', title: 'Tests', kind: 'tests', files: ['tests/a.test.ts'] },
      { id: 'adr', title: 'ADR', kind: 'document', file: 'docs/adr.md', requiredHeadings: ['Context'] },
    ],
  },
  starter: { 'src/a.ts': '', 'eslint.config.js': 'export default []', 'docs/adr.md': '' },
  hidden: { 'tests/a.test.ts': '' },
});

const passingTest = { file: 'tests/a.test.ts', suite: [], name: 't', status: 'pass' as const, durationMs: 1 };

/** A toolchain whose test run never finishes and ignores the abort signal: the worst case for the runner. */
const hangingToolchain: Toolchain = {
  engine: 'node',
  lint: () => Promise.resolve([]),
  typecheck: () => Promise.resolve([]),
  test: () => new Promise(() => {}),
};

describe('runChecks', () => {
  it('runs every check in order and returns a valid versioned report', async () => {
    const toolchain: Toolchain = {
      engine: 'node',
      lint: () => Promise.resolve([]),
      typecheck: () => Promise.resolve([]),
      test: () => Promise.resolve([passingTest]),
    };
    const report = await runChecks(bundle, { 'docs/adr.md': '# Context\n' }, toolchain);
    expect(checkReportSchema.parse(report)).toEqual(report);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['lint', 'pass'],
      ['tests', 'pass'],
      ['adr', 'pass'],
    ]);
    expect(report.verdict).toBe('pass');
  });

  it('reports timeout for the check in progress and skips the rest, even if the toolchain ignores the signal', async () => {
    const started = Date.now();
    const report = await runChecks(bundle, {}, hangingToolchain, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'timeout', 'timeout']);
    expect(report.checks[2]?.summary).toMatch(/Not run/);
    expect(report.verdict).toBe('timeout');
  });

  it('keeps the tests that finished before a promise that never settles, naming the one that hung', async () => {
    const partway: Toolchain = {
      engine: 'node',
      lint: () => Promise.resolve([]),
      typecheck: () => Promise.resolve([]),
      test: (_files, _request, _signal, observer) => {
        observer?.testStarted(passingTest);
        observer?.testFinished(passingTest);
        observer?.testStarted({ file: 'tests/a.test.ts', suite: ['slow'], name: 'waits' });
        return new Promise(() => {});
      },
    };
    const report = await runChecks(bundle, {}, partway, { timeoutMs: 300 });
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'timeout', 'timeout']);
    expect(report.checks[1]?.tests?.map((t) => [t.name, t.status])).toEqual([
      ['t', 'pass'],
      ['waits', 'timeout'],
    ]);
    expect(report.checks[1]?.summary).toMatch(
      /Running when stopped: "slow > waits" \(tests\/a\.test\.ts\)\. 1 test had finished \(1 pass\)\.$/,
    );
  });

  it('rejects with the abort reason when the caller cancels', async () => {
    const controller = new AbortController();
    const run = runChecks(bundle, {}, hangingToolchain, { signal: controller.signal });
    controller.abort(new DOMException('left the page', 'AbortError'));
    await expect(run).rejects.toThrow('left the page');
  });

  it('turns a toolchain crash into an error result that says what happened', async () => {
    const broken: Toolchain = {
      engine: 'node',
      lint: () => Promise.reject(new Error('ESLint failed: SyntaxError in eslint.config.js')),
      typecheck: () => Promise.resolve([]),
      test: () => Promise.resolve([passingTest]),
    };
    const report = await runChecks(bundle, {}, broken);
    expect(report.checks[0]).toMatchObject({
      status: 'error',
      summary: expect.stringContaining('SyntaxError in eslint.config.js'),
    });
    expect(report.verdict).toBe('error');
  });

  it('gives the limit to the next unfinished check when a host killed the run between two checks', () => {
    const progress = new RunProgress(bundle);
    progress.apply({ type: 'check-started', check: 'lint' });
    progress.apply({
      type: 'check-finished',
      result: { id: 'lint', kind: 'lint', title: 'Lint', status: 'fail', summary: '1 problem', durationMs: 5 },
    });
    const report = progress.timedOutReport('worker', new Date(), new RunTimeoutError(300));
    expect(checkReportSchema.parse(report)).toEqual(report);
    // The lint failure the learner must fix stays; only what never finished is a timeout.
    expect(report.checks.map((c) => [c.id, c.status, c.summary])).toEqual([
      ['lint', 'fail', '1 problem'],
      ['tests', 'timeout', new RunTimeoutError(300).message],
      ['adr', 'timeout', 'Not run: the time limit was used up'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { checkReportSchema } from '../../src/runtime/report/check-report.ts';
import type { ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import type { Toolchain } from '../../src/runtime/checks/toolchain.ts';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';

const meta = exerciseSchema.parse({
  title: 'Demo',
  summary: 'A demo exercise used to test the grading runner itself.',
  lesson: 'lint-for-bugs',
  difficulty: 'intro',
  estimatedMinutes: 5,
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
  hints: ['first hint text', 'second hint text'],
});

const bundle: ExerciseBundle = {
  slug: 'demo',
  meta,
  starter: { 'src/a.ts': '', 'eslint.config.js': 'export default []', 'docs/adr.md': '' },
  hidden: { 'tests/a.test.ts': '' },
  solution: {},
  fixtures: {},
};

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
});

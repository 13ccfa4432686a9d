import { afterEach, describe, expect, it, vi } from 'vitest';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';
import type { ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import type { Engine, EngineStatus } from '../../src/runtime/engines/engine.ts';
import { nodeWorker } from './support/node-worker.ts';
import { UNHANDLED_ERROR_NAME } from '../../src/runtime/checks/test-file-failure.ts';
import { fakeWorkerFactory, passReport, type FakeWorker } from './support/fake-worker.ts';

const bundle: ExerciseBundle = {
  slug: 'loop-demo',
  meta: exerciseSchema.parse({
    title: 'Loop demo',
    summary: 'Make count() return the number of items without looping forever.',
    lesson: 'demo',
    difficulty: 'intro',
    estimatedMinutes: 1,
    engine: 'worker',
    // Roomy enough for a cold worker's first lint on a busy machine, so only the endless loop times out.
    timeoutMs: 3_000,
    files: [
      { path: 'src/count.ts', role: 'editable' },
      { path: 'eslint.config.js', role: 'readonly' },
      { path: 'tests/count.test.ts', role: 'hidden' },
    ],
    checks: [
      { id: 'lint', kind: 'lint', title: 'Lint', files: ['src/count.ts'] },
      { id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/count.test.ts'] },
    ],
    hints: ['Use the length property.', 'Arrays know their length.'],
  }),
  starter: {
    'src/count.ts': 'export function count(items: unknown[]): number {\n  return 0;\n}\n',
    'eslint.config.js': "export default [{ rules: { eqeqeq: 'error' } }];\n",
  },
  hidden: {
    'tests/count.test.ts':
      "import { it, expect } from 'vitest';\nimport { count } from '../src/count';\nit('counts', () => { expect(count([1, 2])).toBe(2); });\n",
  },
  solution: {},
  fixtures: {},
};

const endless = 'export function count(items: unknown[]): number {\n  for (;;) {}\n}\n';
const correct = 'export function count(items: unknown[]): number {\n  return items.length;\n}\n';

// Each real worker thread loads ESLint and the harness afresh; on a busy machine that takes seconds.
describe('worker engine host', { timeout: 60_000 }, () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.dispose());

  it('reports an endless loop as a timeout, keeping the lint result, then runs the next check on a fresh worker', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker, graceMs: 500 });
    const statuses: EngineStatus[] = [];
    const hung = await engine.check(
      { exercise: bundle.slug, files: { 'src/count.ts': endless } },
      { onStatus: (status) => statuses.push(status) },
    );
    expect(hung.verdict).toBe('timeout');
    // Lint had finished and keeps its result; the tests check hung: the report and the status line name it.
    expect(hung.checks.map((c) => c.status)).toEqual(['pass', 'timeout']);
    expect(hung.checks[1]?.summary).toMatch(/^Stopped after 3000 ms.*Running when stopped: "counts"/);
    expect(statuses).toContainEqual({ phase: 'running', check: 'Tests' });

    const fixed = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': correct } });
    expect(fixed.verdict).toBe('pass');
    expect(fixed.engine).toBe('worker');
  });

  it('survives a stray error thrown outside any test, failing the run for it as vitest run does', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker });
    const stray = correct.replace(
      'return',
      "setTimeout(() => { throw new Error('stray'); }, 0);\n  void Promise.reject(new Error('unhandled'));\n  return",
    );
    const report = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': stray } });
    expect(report.verdict).toBe('fail');
    const unhandled = report.checks.flatMap((c) => c.tests ?? []).filter((t) => t.name === UNHANDLED_ERROR_NAME);
    expect(unhandled.length).toBeGreaterThan(0);
    expect(unhandled[0]?.failure?.message).toMatch(
      /^(Uncaught Exception: Error: stray|Unhandled Rejection: Error: unhandled)/,
    );
    const again = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': correct } });
    expect(again.verdict).toBe('pass');
  });

  it('rejects an aborted run with an AbortError and recovers', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker });
    await engine.lint?.({ exercise: bundle.slug, files: {} });
    const controller = new AbortController();
    const run = engine.check(
      { exercise: bundle.slug, files: { 'src/count.ts': endless } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const fixed = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': correct } });
    expect(fixed.verdict).toBe('pass');
  });

  it('never lets the limit of an aborted run stop the next one', async () => {
    vi.useFakeTimers();
    try {
      const workers: FakeWorker[] = [];
      engine = createWorkerEngine(bundle, { createWorker: fakeWorkerFactory(workers), graceMs: 1_000 });
      const controller = new AbortController();
      const aborted = engine.check({ exercise: bundle.slug, files: {} }, { signal: controller.signal });
      await vi.advanceTimersByTimeAsync(0);
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
      await vi.advanceTimersByTimeAsync(1_000);

      const next = engine.check({ exercise: bundle.slug, files: {} });
      await vi.advanceTimersByTimeAsync(3_500); // past the aborted run's 4 s limit, within this one's
      // The aborted run's worker is gone; the next run has a worker of its own, still alive past that limit.
      const current = workers.find((w) => !w.terminated && w.received.some((m) => m.type === 'check'));
      expect(workers.filter((w) => w.received.some((m) => m.type === 'check'))).toHaveLength(2);
      expect(current?.terminated).toBe(false);
      current?.reply({ type: 'report', id: current.lastCheckId(), report: { ...passReport, exercise: bundle.slug } });
      await expect(next).resolves.toMatchObject({ verdict: 'pass' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('lints the visible files for editor markers', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker });
    const problems = await engine.lint?.({
      exercise: bundle.slug,
      files: {
        'src/count.ts': 'export function count(items: unknown[]): number {\n  return items.length == 0 ? 0 : 1;\n}\n',
      },
    });
    expect(problems?.map((p) => [p.file, p.line, p.column, p.ruleId])).toEqual([['src/count.ts', 2, 23, 'eqeqeq']]);
  });
});

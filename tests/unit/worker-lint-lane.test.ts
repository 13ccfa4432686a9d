import { afterEach, describe, expect, it } from 'vitest';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';
import type { ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import type { Engine } from '../../src/runtime/engines/engine.ts';
import type { LintProblem } from '../../src/runtime/report/check-report.ts';
import { fakeWorkerFactory, passReport, type FakeWorker } from './support/fake-worker.ts';

const bundle: ExerciseBundle = {
  slug: 'lane-demo',
  meta: exerciseSchema.parse({
    title: 'Lane demo',
    summary: 'Editor lint and runs side by side.',
    lesson: 'demo',
    difficulty: 'intro',
    estimatedMinutes: 1,
    engine: 'worker',
    timeoutMs: 3_000,
    files: [
      { path: 'src/count.ts', role: 'editable' },
      { path: 'eslint.config.js', role: 'readonly' },
    ],
    checks: [{ id: 'lint', kind: 'lint', title: 'Lint', files: ['src/count.ts'] }],
    hints: ['Lint while a run goes on.', 'Only the newest lint counts.'],
  }),
  starter: { 'src/count.ts': 'export const n = 1;\n', 'eslint.config.js': 'export default [];\n' },
  hidden: {},
  solution: {},
  fixtures: {},
};

const problem = (message: string): LintProblem => ({
  file: 'src/count.ts',
  line: 1,
  column: 1,
  ruleId: 'eqeqeq',
  severity: 'error',
  message,
});

/** Lets the engine's promise chains (boot, ready, send) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const lintsOf = (worker: FakeWorker) => worker.received.flatMap((m) => (m.type === 'lint' ? [m] : []));
const lintWorkerOf = (workers: FakeWorker[]) => workers.find((w) => lintsOf(w).length > 0);

describe('the lint lane', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.dispose());

  it('answers a lint while a run is still going', async () => {
    const workers: FakeWorker[] = [];
    engine = createWorkerEngine(bundle, { createWorker: fakeWorkerFactory(workers) });
    await settle();
    const run = engine.check({ exercise: bundle.slug, files: {} });
    await settle();
    const runner = workers.find((w) => w.received.some((m) => m.type === 'check'));
    expect(runner).toBeDefined();

    const lint = engine.lint?.({ exercise: bundle.slug, files: { 'src/count.ts': 'a == b' } });
    await settle();
    const linter = lintWorkerOf(workers);
    expect(linter).toBeDefined();
    expect(linter).not.toBe(runner);
    const sent = lintsOf(linter as FakeWorker);
    linter?.reply({ type: 'lint-result', id: sent[0]?.id ?? -1, problems: [problem('first')], engineMs: 1 });
    // The run has not answered yet; the markers come anyway.
    await expect(lint).resolves.toEqual([problem('first')]);

    runner?.reply({ type: 'report', id: runner.lastCheckId(), report: { ...passReport, exercise: bundle.slug } });
    await expect(run).resolves.toMatchObject({ verdict: 'pass' });
  });

  it('drops a superseded lint without sending it, and keeps the lint worker alive', async () => {
    const workers: FakeWorker[] = [];
    engine = createWorkerEngine(bundle, { createWorker: fakeWorkerFactory(workers) });
    await settle();
    const first = engine.lint?.({ exercise: bundle.slug, files: { 'src/count.ts': 'one' } });
    await settle();
    const second = engine.lint?.({ exercise: bundle.slug, files: { 'src/count.ts': 'two' } });
    const third = engine.lint?.({ exercise: bundle.slug, files: { 'src/count.ts': 'three' } });
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });

    const linter = lintWorkerOf(workers) as FakeWorker;
    expect(lintsOf(linter).map((m) => m.files['src/count.ts'])).toEqual(['one']);
    linter.reply({ type: 'lint-result', id: lintsOf(linter)[0]?.id ?? -1, problems: [problem('one')], engineMs: 1 });
    await expect(first).resolves.toEqual([problem('one')]);
    await settle();

    // The newest lint goes to the same worker once it is free; the one in between was never sent.
    expect(lintsOf(linter).map((m) => m.files['src/count.ts'])).toEqual(['one', 'three']);
    linter.reply({ type: 'lint-result', id: lintsOf(linter)[1]?.id ?? -1, problems: [], engineMs: 1 });
    await expect(third).resolves.toEqual([]);
    expect(linter.terminated).toBe(false);
    expect(workers.filter((w) => lintsOf(w).length > 0)).toHaveLength(1);
  });

  it('answers an aborted lint with AbortError at once, ignores its late result and lints on in the same worker', async () => {
    const workers: FakeWorker[] = [];
    engine = createWorkerEngine(bundle, { createWorker: fakeWorkerFactory(workers) });
    await settle();
    const controller = new AbortController();
    const stale = engine.lint?.(
      { exercise: bundle.slug, files: { 'src/count.ts': 'stale' } },
      { signal: controller.signal },
    );
    await settle();
    const fresh = engine.lint?.({ exercise: bundle.slug, files: { 'src/count.ts': 'fresh' } });
    controller.abort();
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });

    const linter = lintWorkerOf(workers) as FakeWorker;
    expect(linter.terminated).toBe(false);
    // The worker finishes the stale lint; its answer reaches no one.
    linter.reply({ type: 'lint-result', id: lintsOf(linter)[0]?.id ?? -1, problems: [problem('stale')], engineMs: 1 });
    await settle();
    const sent = lintsOf(linter);
    expect(sent.map((m) => m.files['src/count.ts'])).toEqual(['stale', 'fresh']);
    linter.reply({ type: 'lint-result', id: sent[1]?.id ?? -1, problems: [problem('fresh')], engineMs: 1 });
    await expect(fresh).resolves.toEqual([problem('fresh')]);
    expect(workers.filter((w) => lintsOf(w).length > 0)).toHaveLength(1);
  });

  it('warms every worker for its lane before it says ready, and starts the first run worker only after the first lint', async () => {
    const workers: FakeWorker[] = [];
    engine = createWorkerEngine(bundle, { createWorker: fakeWorkerFactory(workers) });
    await settle();
    expect(workers).toHaveLength(1);
    const lint = engine.lint?.({ exercise: bundle.slug, files: {} });
    await settle();
    const [linter] = workers;
    linter?.reply({ type: 'lint-result', id: lintsOf(linter)[0]?.id ?? -1, problems: [], engineMs: 1 });
    await expect(lint).resolves.toEqual([]);
    expect(workers).toHaveLength(2);
    const inits = workers.map((w) => w.received.find((m) => m.type === 'init'));
    // The lint lane's worker warms what lint uses; the run's also the typecheck (warm-up.ts).
    expect(inits.map((m) => m?.type === 'init' && m.warm)).toEqual(['lint', 'run']);
  });
});

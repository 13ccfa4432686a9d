import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { checkReportSchema, type CheckReport } from '../../src/runtime/report/check-report.ts';
import type { Engine } from '../../src/runtime/engines/engine.ts';
import { nodeWorker } from './support/node-worker.ts';
import { loopingExercise, LOOPING_COUNT } from './support/looping-exercise.ts';

/**
 * A run that hits its limit part-way keeps what had finished, in both engines: the worker engine, whose
 * thread is stuck for good and must be killed by the host, and the Node engine, whose Vitest process is
 * killed by the sandbox. Only the test that was running is marked as timed out, and it is named.
 */
function expectPartialReport(report: CheckReport): void {
  expect(checkReportSchema.parse(report)).toEqual(report);
  expect(report.verdict).toBe('timeout');
  expect(report.checks.map((c) => [c.id, c.status])).toEqual([
    ['lint', 'pass'],
    ['tests', 'timeout'],
    ['notes', 'timeout'],
  ]);
  const tests = report.checks[1]?.tests ?? [];
  expect(tests.map((t) => [t.file, [...t.suite, t.name].join(' > '), t.status])).toEqual([
    ['tests/short.test.ts', 'short lists > counts none', 'pass'],
    ['tests/short.test.ts', 'short lists > counts one, wrongly', 'fail'],
    ['tests/long.test.ts', 'counts two', 'pass'],
    ['tests/long.test.ts', 'counts three', 'timeout'],
  ]);
  // The failure that had finished keeps its own message; the hung test says why it has none.
  expect(tests[1]?.failure?.message).toMatch(/expected 1 to be 2/);
  expect(tests[3]?.failure?.message).toMatch(/still running when the run was stopped/);
  expect(report.checks[1]?.summary).toMatch(
    /^Stopped after \d+ ms: .*Running when stopped: "counts three" \(tests\/long\.test\.ts\)\. 3 tests had finished \(2 pass, 1 fail\)\.$/,
  );
  expect(report.checks[2]?.summary).toBe('Not run: the time limit was used up');
}

describe('a timeout keeps the results that had finished', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.dispose());

  it('in the worker engine, whose stuck worker is killed and replaced', { timeout: 60_000 }, async () => {
    const bundle = loopingExercise(3_000);
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker, graceMs: 500 });
    const hung = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': LOOPING_COUNT } });
    expectPartialReport(hung);
    const fixed = 'export function count(items: unknown[]): number {\n  return items.length;\n}\n';
    const again = await engine.check({ exercise: bundle.slug, files: { 'src/count.ts': fixed } });
    // The replacement worker runs everything: only the wrong test still fails.
    expect(again.checks.map((c) => c.status)).toEqual(['pass', 'fail', 'pass']);
  });

  it('in the Node engine, whose Vitest process is killed', { timeout: 120_000 }, async () => {
    // Roomy: Vitest must start and finish three tests on a loaded machine before the loop.
    const bundle = loopingExercise(20_000);
    const report = await runChecks(bundle, { 'src/count.ts': LOOPING_COUNT }, new NodeToolchain());
    expectPartialReport(report);
  });
});

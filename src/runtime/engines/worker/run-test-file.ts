import { restoreAllMocks } from '@vitest/spy';
import { chai } from '@vitest/expect';
import type { TestResult } from '../../report/check-report.ts';
import type { Files, TestObserver } from '../../checks/toolchain.ts';
import { createCollector } from './collect.ts';
import { createTestExpect } from './expect.ts';
import { FakeClock } from './fake-clock.ts';
import { toFailure } from './failure.ts';
import { assertType, expectTypeModule, expectTypeOf } from './type-assertions.ts';
import { createModuleLoader, type ModuleMocks } from './module-loader.ts';
import { startSnapshotFile } from './snapshots.ts';
import { createTestEnvironment } from './test-process.ts';
import { captureUnhandledErrors } from './unhandled-errors.ts';
import { unhandledErrorResult, type UnhandledError } from '../../checks/test-file-failure.ts';
import { runSuiteTree } from './run-suite.ts';
import { shuffleSuiteTree } from './shuffle.ts';
import { interpretModes, type TestContext } from './suite-tree.ts';
import { createVi } from './vi.ts';
import { timePhaseAsync } from './phase-times.ts';

export interface TestFileOptions {
  /** Per-test and per-hook limit, as Vitest's testTimeout and hookTimeout. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Run the tests in Vitest's shuffled order for this seed (see shuffle.ts); omitted: declared order. */
  shuffleSeed?: number | undefined;
  observer?: TestObserver | undefined;
}

/**
 * Name of the one failed result standing for a test file that could not run at all (import error,
 * failing beforeAll), the same name the Node engine's Vitest JSON parser gives it.
 */
export const FILE_FAILED_NAME = '(the test file failed to run)';

const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/**
 * Runs one test file in isolation, as Vitest does per file: a fresh module registry, fresh clock, fresh
 * `expect` and `vi`. Returns one result per declared test, skipped and todo ones included.
 */
export async function runTestFile(files: Files, file: string, options: TestFileOptions): Promise<TestResult[]> {
  startSnapshotFile(files, file);
  const clock = new FakeClock();
  const collector = createCollector();
  const testExpect = createTestExpect();
  const environment = createTestEnvironment(file);
  const modules: { mocks?: ModuleMocks } = {};
  const vi = createVi(clock, realSetTimeout, environment, () => {
    if (!modules.mocks) throw new Error('Module mocking is not ready yet');
    return modules.mocks;
  });
  const { describe, test } = collector.api;
  let running: TestContext | undefined;
  const duringTest = (name: string, fn: unknown): void => {
    if (!running) throw new Error(`${name}() can only be called inside a test`);
    running[name === 'onTestFinished' ? 'onTestFinished' : 'onTestFailed'](fn as () => unknown);
  };
  const vitest = {
    ...collector.api,
    onTestFinished: (fn: unknown) => duringTest('onTestFinished', fn),
    onTestFailed: (fn: unknown) => duringTest('onTestFailed', fn),
    it: test,
    suite: describe,
    expect: testExpect.expect,
    assert: chai.assert,
    vi,
    vitest: vi,
    expectTypeOf,
    assertType,
  };
  const builtins = { vitest, 'expect-type': expectTypeModule };
  const loader = createModuleLoader({
    files,
    builtins,
    scope: { ...clock.scope, process: environment.process },
    importMetaEnv: environment.importMetaEnv,
    defaultImporter: file,
  });
  modules.mocks = loader.mocks;
  const unhandled = captureUnhandledErrors(() => running?.task.name);
  try {
    return withUnhandled(file, unhandled.errors, await runLoaded());
  } finally {
    unhandled.stop();
  }

  async function runLoaded(): Promise<TestResult[]> {
    try {
      await timePhaseAsync('loadMs', async () => {
        await loader.loadAsync(file);
        await collector.collect();
      });
    } catch (error) {
      return [fileFailure(file, error)];
    }
    interpretModes(collector.root);
    if (options.shuffleSeed !== undefined) shuffleSuiteTree(collector.root, options.shuffleSeed);
    try {
      const { results, suiteErrors } = await timePhaseAsync('testsMs', () =>
        runSuiteTree(collector.root, {
          file,
          testTimeoutMs: options.timeoutMs,
          hookTimeoutMs: options.timeoutMs,
          expect: testExpect,
          signal: options.signal,
          onCurrentTest: (context) => (running = context),
          observer: options.observer,
        }),
      );
      const anyFailed = results.some((result) => result.status === 'fail');
      if (suiteErrors.length > 0 && !anyFailed) results.push(fileFailure(file, suiteErrors[0]));
      return results;
    } finally {
      // Each file has its own clock, but spies patch shared objects (console, Math) and must not leak, and
      // fake timers and stubbed globals are installed on globalThis.
      restoreAllMocks();
      clock.useRealTimers();
      vi.unstubAllGlobals();
      // One macrotask, so a rejection left by the last test is reported before the capture stops.
      await new Promise((resolve) => realSetTimeout(resolve, 0));
    }
  }
}

/** The file's results, plus Vitest's failure for the first error nobody caught while it ran. */
function withUnhandled(file: string, errors: readonly UnhandledError[], results: TestResult[]): TestResult[] {
  const [first] = errors;
  return first ? [...results, unhandledErrorResult(file, first)] : results;
}

/** Vitest's file-level message is the error's own message, without the error name. */
function fileFailure(file: string, error: unknown): TestResult {
  const failure = toFailure(error);
  failure.message =
    error instanceof Error ? error.message : failure.message || 'The test file failed before any test ran.';
  return { file, suite: [], name: FILE_FAILED_NAME, status: 'fail', durationMs: 0, failure };
}

import type { TestResult } from '../../report/check-report.ts';
import type { TestObserver } from '../../checks/toolchain.ts';
import type { ExpectTask, TestExpect } from './expect.ts';
import { toFailure } from './failure.ts';
import { takeSnapshotUpdates } from './snapshots.ts';
import { FixtureRunner } from './fixtures.ts';
import { allTests, isConcurrent, suitePath } from './suite-tree.ts';
import type { Hook, SuiteNode, TestContext, TestNode } from './suite-tree.ts';

/**
 * Runs a collected suite tree with Vitest's semantics: beforeAll/afterAll once per suite, beforeEach
 * outermost first, after-hooks in reverse ("stack" order), hook cleanup functions, per-test timeouts,
 * and a failed beforeAll skipping the suite's tests.
 */

export interface SuiteRunOptions {
  file: string;
  testTimeoutMs: number;
  hookTimeoutMs: number;
  expect: TestExpect;
  signal: AbortSignal;
  /** Told which test is running (undefined between tests), for the `onTestFinished` import. */
  onCurrentTest?: (context: TestContext | undefined) => void;
  /** Told each test as it starts and ends: if one never returns, the host still has the others' results. */
  observer?: TestObserver | undefined;
}

export interface SuiteRunResult {
  results: TestResult[];
  /** Failures outside any test (beforeAll, afterAll), which Vitest reports against the suite. */
  suiteErrors: unknown[];
}

// Captured at load so a learner's fake timers can never stop the harness's own time limits.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const now = (): number => globalThis.performance.now();

class SkipSignal extends Error {}

export async function runSuiteTree(root: SuiteNode, options: SuiteRunOptions): Promise<SuiteRunResult> {
  const results: TestResult[] = [];
  const suiteErrors: unknown[] = [];
  const fixtures = new FixtureRunner();
  await runSuite(root, []);
  try {
    await fixtures.tearDownFile();
  } catch (error) {
    suiteErrors.push(error);
  }
  return { results, suiteErrors };

  function record(test: TestNode, status: TestResult['status'], durationMs: number, error?: unknown): void {
    const result: TestResult = { file: options.file, suite: suitePath(test), name: test.name, status, durationMs };
    if (status === 'fail') result.failure = toFailure(error);
    const snapshots = takeSnapshotUpdates([...result.suite, test.name].join(' > '));
    if (snapshots.length > 0) result.snapshots = snapshots;
    results.push(result);
    options.observer?.testFinished(result);
  }

  function recordNotRun(suite: SuiteNode): void {
    for (const test of allTests(suite)) record(test, test.mode === 'todo' ? 'todo' : 'skip', 0);
  }

  async function runSuite(suite: SuiteNode, eachHooks: SuiteNode[]): Promise<void> {
    const runnable = [...allTests(suite)].some((test) => test.mode === 'run');
    if (!runnable || suite.mode === 'skip' || suite.mode === 'todo') {
      recordNotRun(suite);
      return;
    }
    const chain = [...eachHooks, suite];
    const cleanups: Hook[] = [];
    try {
      for (const hook of suite.hooks.beforeAll) {
        const cleanup = await runHook(hook, [suite]);
        if (typeof cleanup === 'function') cleanups.push({ fn: cleanup as Hook['fn'], timeout: hook.timeout });
      }
    } catch (error) {
      suiteErrors.push(error);
      recordNotRun(suite);
      return;
    }
    // Neighbouring concurrent tests start together, as in Vitest; everything else runs one at a time.
    const children = suite.children;
    for (let i = 0; i < children.length; i++) {
      if (options.signal.aborted) break;
      const child = children[i];
      if (child === undefined) continue;
      if (child.kind === 'suite') {
        await runSuite(child, chain);
        continue;
      }
      const group: TestNode[] = [child];
      while (isConcurrent(child)) {
        const next = children[i + 1];
        if (next?.kind !== 'test' || !isConcurrent(next)) break;
        group.push(next);
        i++;
      }
      await Promise.all(group.map((test) => runTest(test, chain)));
    }
    for (const hook of [...suite.hooks.afterAll].reverse().concat(cleanups.reverse())) {
      try {
        await runHook(hook, [suite]);
      } catch (error) {
        suiteErrors.push(error);
      }
    }
  }

  async function runTest(test: TestNode, chain: SuiteNode[]): Promise<void> {
    if (test.mode !== 'run' || !test.fn) {
      record(test, test.mode === 'todo' ? 'todo' : 'skip', 0);
      return;
    }
    const task: ExpectTask = {
      type: 'test',
      name: test.name,
      fullTestName: [...suitePath(test), test.name].join(' > '),
    };
    const controller = new AbortController();
    const failedHandlers: (() => unknown)[] = [];
    const context: TestContext = {
      task: { name: test.name },
      expect: options.expect.expect,
      signal: controller.signal,
      // `skip(false)` goes on, as Vitest's `context.skip(condition, note)` does.
      skip: (condition?: unknown) => {
        if (condition === false) return;
        throw new SkipSignal();
      },
      onTestFinished: (fn) => (task.onFinished ??= []).push(fn),
      onTestFailed: (fn) => failedHandlers.push(fn),
    };
    options.expect.startTest(task, options.file);
    options.onCurrentTest?.(context);
    options.observer?.testStarted({ file: options.file, suite: suitePath(test), name: test.name });
    const errors: unknown[] = [];
    let skipped = false;
    const started = now();
    const cleanups: Hook[] = [];
    let tearDownFixtures = async (): Promise<void> => {};
    try {
      if (test.fixtures) tearDownFixtures = await fixtures.setUp(test.fixtures, test.contextKeys ?? [], context);
      for (const suite of chain) {
        for (const hook of suite.hooks.beforeEach) {
          const cleanup = await runHook(hook, [context, suite]);
          if (typeof cleanup === 'function') cleanups.push({ fn: cleanup as Hook['fn'], timeout: hook.timeout });
        }
      }
      const limit = test.timeout ?? options.testTimeoutMs;
      await withTimeout(() => test.fn?.(context), limit, false);
      const settled = await Promise.allSettled(task.promises ?? []);
      for (const outcome of settled) if (outcome.status === 'rejected') errors.push(outcome.reason);
      options.expect.verifyAssertions();
    } catch (error) {
      if (error instanceof SkipSignal) skipped = true;
      else errors.push(error);
    }
    for (const suite of [...chain].reverse()) {
      for (const hook of [...suite.hooks.afterEach].reverse()) {
        await runHook(hook, [context, suite]).catch((error: unknown) => errors.push(error));
      }
    }
    for (const cleanup of cleanups.reverse()) {
      await runHook(cleanup, []).catch((error: unknown) => errors.push(error));
    }
    await tearDownFixtures().catch((error: unknown) => errors.push(error));
    for (const handler of task.onFinished ?? []) {
      try {
        await handler();
      } catch (error) {
        errors.push(error);
      }
    }
    errors.push(...(task.result?.errors ?? []));
    if (errors.length > 0) {
      for (const handler of failedHandlers) {
        try {
          await handler();
        } catch (error) {
          errors.push(error);
        }
      }
    }
    controller.abort();
    options.onCurrentTest?.(undefined);
    const duration = now() - started;
    if (skipped && errors.length === 0) return record(test, 'skip', duration);
    if (test.fails) {
      if (errors.length > 0) return record(test, 'pass', duration);
      return record(test, 'fail', duration, new Error('Expect test to fail'));
    }
    record(test, errors.length > 0 ? 'fail' : 'pass', duration, errors[0]);
  }

  function runHook(hook: Hook, args: unknown[]): Promise<unknown> {
    return withTimeout(() => hook.fn(...args), hook.timeout ?? options.hookTimeoutMs, true);
  }
}

/**
 * Vitest's withTimeout: an async body that does not settle in time fails with Vitest's message, and a
 * synchronous one that overran fails too once it returns. A synchronous endless loop never returns; the
 * host stops the whole worker for that.
 */
async function withTimeout(body: () => unknown, limitMs: number, isHook: boolean): Promise<unknown> {
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    if (limitMs > 0 && Number.isFinite(limitMs))
      timer = realSetTimeout(() => reject(timeoutError(isHook, limitMs)), limitMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(body), timedOut]);
    if (limitMs > 0 && now() - started > limitMs) throw timeoutError(isHook, limitMs);
    return result;
  } finally {
    realClearTimeout(timer);
  }
}

function timeoutError(isHook: boolean, limitMs: number): Error {
  const kind = isHook ? 'hook' : 'test';
  const setting = isHook ? 'hookTimeout' : 'testTimeout';
  const error = new Error(
    `${isHook ? 'Hook' : 'Test'} timed out in ${limitMs}ms.\nIf this is a long-running ${kind}, pass a timeout value as the last argument or configure it globally with "${setting}".`,
  );
  error.name = isHook ? 'HookTimeoutError' : 'TestTimeoutError';
  return error;
}

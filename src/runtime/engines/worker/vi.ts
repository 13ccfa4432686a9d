import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import type { FakeClock } from './fake-clock.ts';
import type { ModuleMocks } from './module-loader.ts';
import type { TestEnvironment } from './test-process.ts';

/**
 * The `vi` helper of the virtual 'vitest' module: mocks from @vitest/spy (the library Vitest uses),
 * timers from our FakeClock, module mocks from the module loader, env and global stubs.
 */
export type Vi = Record<string, unknown> & { unstubAllGlobals(): Vi };

export function createVi(
  clock: FakeClock,
  realTimeout: typeof setTimeout,
  environment: TestEnvironment,
  mocks: () => ModuleMocks,
): Vi {
  const stubbedGlobals = new Map<PropertyKey, PropertyDescriptor | undefined>();
  const vi: Vi = {
    unstubAllGlobals: () => {
      for (const [name, descriptor] of stubbedGlobals) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else Reflect.deleteProperty(globalThis, name);
      }
      stubbedGlobals.clear();
      return vi;
    },
    fn,
    spyOn,
    isMockFunction,
    clearAllMocks: () => (clearAllMocks(), vi),
    resetAllMocks: () => (resetAllMocks(), vi),
    restoreAllMocks: () => (restoreAllMocks(), vi),
    mocked: <T>(value: T): T => value,
    hoisted: <T>(factory: () => T): T => factory(),

    useFakeTimers: (options?: { now?: number | Date }) => (clock.useFakeTimers(options), vi),
    useRealTimers: () => (clock.useRealTimers(), vi),
    isFakeTimers: () => clock.isFakeTimers(),
    advanceTimersByTime: (ms: number) => (clock.advanceTimersByTime(ms), vi),
    advanceTimersByTimeAsync: async (ms: number) => (await clock.advanceTimersByTimeAsync(ms), vi),
    advanceTimersToNextTimer: (steps?: number) => (clock.advanceTimersToNextTimer(steps), vi),
    runAllTimers: () => (clock.runAllTimers(), vi),
    runAllTimersAsync: async () => (await clock.runAllTimersAsync(), vi),
    runOnlyPendingTimers: () => (clock.runOnlyPendingTimers(), vi),
    clearAllTimers: () => (clock.clearAllTimers(), vi),
    getTimerCount: () => clock.getTimerCount(),
    setSystemTime: (time: number | string | Date) => (clock.setSystemTime(time), vi),
    getMockedSystemTime: () => clock.getMockedSystemTime(),
    getRealSystemTime: () => Date.now(),

    waitFor: <T>(callback: () => T | Promise<T>, options?: WaitOptions) => waitFor(callback, options, realTimeout),

    waitUntil: <T>(callback: () => T | Promise<T>, options?: WaitOptions) => waitUntil(callback, options, realTimeout),

    mock: (specifier: string, factory?: unknown) => mocks().mock(specifier, factoryOf(factory)),
    doMock: (specifier: string, factory?: unknown) => mocks().mock(specifier, factoryOf(factory)),
    unmock: (specifier: string) => mocks().unmock(specifier),
    doUnmock: (specifier: string) => mocks().unmock(specifier),
    importActual: (specifier: string) => mocks().importActual(specifier),
    importMock: (specifier: string) => mocks().importMock(specifier),
    resetModules: () => (mocks().resetModules(), vi),

    stubGlobal: (name: PropertyKey, value: unknown) => {
      if (!stubbedGlobals.has(name)) stubbedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
      return vi;
    },
    stubEnv: (name: string, value: unknown) => (environment.stubEnv(name, value), vi),
    unstubAllEnvs: () => (environment.unstubAllEnvs(), vi),
  };
  return vi;
}

/** `vi.mock(path, { spy: true })` and other option objects: automock, like a call without a factory. */
function factoryOf(factory: unknown): unknown {
  return typeof factory === 'function' ? factory : undefined;
}

type WaitOptions = number | { timeout?: number; interval?: number } | undefined;

/** Vitest's vi.waitUntil: retry until the callback returns a truthy value; a throw fails at once. */
async function waitUntil<T>(
  callback: () => T | Promise<T>,
  options: WaitOptions,
  realTimeout: typeof setTimeout,
): Promise<T> {
  const poll = poller(options, realTimeout);
  for (;;) {
    const value = await callback();
    if (value) return value;
    if (poll.expired()) throw new Error('Timed out in waitUntil!');
    await poll.pause();
  }
}

/** Vitest's vi.waitFor: retry the callback until it stops throwing, on real time. */
async function waitFor<T>(
  callback: () => T | Promise<T>,
  options: WaitOptions,
  realTimeout: typeof setTimeout,
): Promise<T> {
  const poll = poller(options, realTimeout);
  for (;;) {
    try {
      return await callback();
    } catch (error) {
      if (poll.expired()) throw error;
      await poll.pause();
    }
  }
}

/**
 * The clock of waitFor and waitUntil (Vitest's defaults: 1000 ms, every 50 ms), pausing with the real
 * setTimeout so fake timers cannot stall it: `expired` once another pause would pass the timeout.
 */
function poller(options: WaitOptions, realTimeout: typeof setTimeout) {
  const { timeout = 1000, interval = 50 } = typeof options === 'number' ? { timeout: options } : (options ?? {});
  const deadline = Date.now() + timeout;
  return {
    expired: () => Date.now() + interval > deadline,
    pause: () => new Promise((resolve) => realTimeout(resolve, interval)),
  };
}

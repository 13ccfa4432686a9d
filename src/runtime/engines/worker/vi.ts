import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import type { FakeClock } from './fake-clock.ts';

/**
 * The `vi` helper of the virtual 'vitest' module: mocks from @vitest/spy (the library Vitest uses) and
 * timers from our FakeClock. Module mocking (vi.mock) needs a bundler and is not offered here.
 */
export function createVi(clock: FakeClock, realTimeout: typeof setTimeout): Record<string, unknown> {
  const vi: Record<string, unknown> = {
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

    waitFor: <T>(callback: () => T | Promise<T>, options?: number | { timeout?: number; interval?: number }) =>
      waitFor(callback, options, realTimeout),

    mock: unsupported('vi.mock'),
    doMock: unsupported('vi.doMock'),
    stubGlobal: unsupported('vi.stubGlobal'),
  };
  return vi;
}

function unsupported(name: string): () => never {
  return () => {
    throw new Error(`${name} is not supported by the in-browser engine; pass dependencies in instead.`);
  };
}

/** Vitest's vi.waitFor: retry the callback until it stops throwing, on real time. */
async function waitFor<T>(
  callback: () => T | Promise<T>,
  options: number | { timeout?: number; interval?: number } | undefined,
  realTimeout: typeof setTimeout,
): Promise<T> {
  const { timeout = 1000, interval = 50 } = typeof options === 'number' ? { timeout: options } : (options ?? {});
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await callback();
    } catch (error) {
      if (Date.now() + interval > deadline) throw error;
      await new Promise((resolve) => realTimeout(resolve, interval));
    }
  }
}

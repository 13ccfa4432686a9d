import { reportUnhandledError, UNCAUGHT_EXCEPTION } from './unhandled-errors.ts';

/**
 * A small fake clock for `vi.useFakeTimers()`. It is handed to learner modules as their `setTimeout`,
 * `setInterval`, `Date` and `performance` (module-scope bindings, see module-loader.ts). While timers are
 * fake it is also installed on `globalThis` (timers and Date), as Vitest does, so `globalThis.setTimeout`
 * is faked too; the harness captured the real functions at load and keeps using them for its limits.
 */

const FAKED_GLOBALS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'Date',
] as const;

type Callback = (...args: unknown[]) => unknown;

interface FakeTimer {
  id: number;
  at: number;
  callback: Callback;
  args: unknown[];
  /** Repeat period for setInterval; undefined for setTimeout. */
  every: number | undefined;
}

/** The timer-related names every evaluated module sees in place of the globals. */
export interface ClockScope {
  setTimeout: (callback: Callback, ms?: number, ...args: unknown[]) => unknown;
  clearTimeout: (handle: unknown) => void;
  setInterval: (callback: Callback, ms?: number, ...args: unknown[]) => unknown;
  clearInterval: (handle: unknown) => void;
  /** Node has these and Vitest fakes them; browsers lack them, so the worker always provides them. */
  setImmediate: (callback: Callback, ...args: unknown[]) => unknown;
  clearImmediate: (handle: unknown) => void;
  Date: DateConstructor;
  performance: { now(): number };
}

/** Vitest's (sinon's) guard against timers that keep scheduling themselves. */
const LOOP_LIMIT = 10_000;

const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const realSetInterval = globalThis.setInterval.bind(globalThis);
const realClearInterval = globalThis.clearInterval.bind(globalThis);
const RealDate = globalThis.Date;
const realPerformanceNow = (): number => globalThis.performance.now();

export class FakeClock {
  private fake = false;
  private now = 0;
  private startedAt = 0;
  /** setSystemTime without fake timers freezes Date only, as Vitest does. */
  private frozenDate: number | undefined;
  private nextId = 1;
  private readonly timers = new Map<number, FakeTimer>();
  readonly scope: ClockScope;

  constructor() {
    this.scope = this.createScope();
  }

  /** `now` is Vitest's (sinon's) option for the fake clock's starting time. */
  useFakeTimers(options: { now?: number | Date } = {}): void {
    if (this.fake) return;
    this.fake = true;
    this.now = options.now === undefined ? (this.frozenDate ?? RealDate.now()) : new RealDate(options.now).getTime();
    this.startedAt = this.now;
    this.frozenDate = undefined;
    this.installGlobals(FAKED_GLOBALS);
  }

  useRealTimers(): void {
    this.fake = false;
    this.frozenDate = undefined;
    this.timers.clear();
    this.restoreGlobals();
  }

  /** What globalThis held before faking, by name, to put back on useRealTimers. */
  private readonly replacedGlobals = new Map<string, PropertyDescriptor | undefined>();

  private installGlobals(names: readonly (typeof FAKED_GLOBALS)[number][]): void {
    const target = globalThis as Record<string, unknown>;
    for (const name of names) {
      if (!this.replacedGlobals.has(name))
        this.replacedGlobals.set(name, Object.getOwnPropertyDescriptor(target, name));
      Object.defineProperty(target, name, { value: this.scope[name], writable: true, configurable: true });
    }
  }

  private restoreGlobals(): void {
    for (const [name, descriptor] of this.replacedGlobals) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
    this.replacedGlobals.clear();
  }

  isFakeTimers(): boolean {
    return this.fake;
  }

  setSystemTime(time: number | string | Date): void {
    const ms = new RealDate(time).getTime();
    if (this.fake) this.now = ms;
    else {
      this.frozenDate = ms;
      this.installGlobals(['Date']);
    }
  }

  getMockedSystemTime(): Date | null {
    if (this.fake) return new RealDate(this.now);
    return this.frozenDate === undefined ? null : new RealDate(this.frozenDate);
  }

  getTimerCount(): number {
    return this.timers.size;
  }

  clearAllTimers(): void {
    this.timers.clear();
  }

  advanceTimersByTime(ms: number): void {
    this.assertFake();
    const target = this.now + ms;
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) this.fire(timer);
    this.now = target;
  }

  async advanceTimersByTimeAsync(ms: number): Promise<void> {
    this.assertFake();
    const target = this.now + ms;
    await flushPromises();
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.fire(timer);
      await flushPromises();
    }
    this.now = target;
  }

  advanceTimersToNextTimer(steps = 1): void {
    this.assertFake();
    for (let i = 0; i < steps; i++) {
      const timer = this.nextDue(Infinity);
      if (!timer) return;
      this.fire(timer);
    }
  }

  runAllTimers(): void {
    this.assertFake();
    for (let i = 0; i < LOOP_LIMIT; i++) {
      const timer = this.nextDue(Infinity);
      if (!timer) return;
      this.fire(timer);
    }
    throw loopLimitError();
  }

  async runAllTimersAsync(): Promise<void> {
    this.assertFake();
    await flushPromises();
    for (let i = 0; i < LOOP_LIMIT; i++) {
      const timer = this.nextDue(Infinity);
      if (!timer) return;
      this.fire(timer);
      await flushPromises();
    }
    throw loopLimitError();
  }

  runOnlyPendingTimers(): void {
    this.assertFake();
    // Timers scheduled while these run wait for the next call, which is what "only pending" means.
    const pending = [...this.timers.values()].sort(byDueTime);
    const until = pending.at(-1)?.at ?? this.now;
    for (const timer of pending) if (this.timers.has(timer.id)) this.fire(timer);
    this.now = Math.max(this.now, until);
  }

  private assertFake(): void {
    // Vitest's wording, so both engines tell the learner the same thing.
    if (!this.fake) throw new Error('Timers are not mocked. Try calling "vi.useFakeTimers()" first.');
  }

  private nextDue(limit: number): FakeTimer | undefined {
    let next: FakeTimer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.at <= limit && (!next || byDueTime(timer, next) < 0)) next = timer;
    }
    return next;
  }

  private fire(timer: FakeTimer): void {
    this.now = Math.max(this.now, timer.at);
    if (timer.every === undefined) this.timers.delete(timer.id);
    else timer.at += timer.every;
    timer.callback(...timer.args);
  }

  private schedule(callback: Callback, ms: number | undefined, args: unknown[], repeat: boolean): number {
    const delay = Math.max(0, Number(ms) || 0);
    const id = this.nextId++;
    // Like browsers and Node, an interval of 0 still waits one tick, or runAllTimers could never advance.
    const every = repeat ? Math.max(1, delay) : undefined;
    this.timers.set(id, { id, at: this.now + (repeat ? (every ?? 1) : delay), callback, args, every });
    return id;
  }

  private currentTime(): number {
    if (this.fake) return this.now;
    return this.frozenDate ?? RealDate.now();
  }

  private createScope(): ClockScope {
    const clear = (handle: unknown, real: (h: never) => void): void => {
      if (typeof handle === 'number' && this.timers.delete(handle)) return;
      real(handle as never);
    };
    return {
      setTimeout: (callback, ms, ...args) =>
        this.fake ? this.schedule(callback, ms, args, false) : realSetTimeout(guarded(callback), ms, ...args),
      clearTimeout: (handle) => clear(handle, realClearTimeout),
      setInterval: (callback, ms, ...args) =>
        this.fake ? this.schedule(callback, ms, args, true) : realSetInterval(guarded(callback), ms, ...args),
      clearInterval: (handle) => clear(handle, realClearInterval),
      setImmediate: (callback, ...args) =>
        this.fake ? this.schedule(callback, 0, args, false) : realSetTimeout(guarded(callback), 0, ...args),
      clearImmediate: (handle) => clear(handle, realClearTimeout),
      Date: createDate(() => this.currentTime()),
      performance: {
        now: () => (this.fake ? this.now - this.startedAt : realPerformanceNow()),
      },
    };
  }
}

/**
 * A real timer's callback whose throw is reported as Vitest's "Uncaught Exception" (failing the run)
 * instead of reaching the host, where it would kill a Node process or end as a dropped worker error.
 */
function guarded(callback: Callback): Callback {
  if (typeof callback !== 'function') return callback;
  return (...args) => {
    try {
      return callback(...args);
    } catch (error) {
      if (!reportUnhandledError(error, UNCAUGHT_EXCEPTION)) throw error;
      return undefined;
    }
  };
}

function byDueTime(a: FakeTimer, b: FakeTimer): number {
  return a.at - b.at || a.id - b.id;
}

function loopLimitError(): Error {
  return new Error(`Aborting after running ${LOOP_LIMIT} timers, assuming an infinite loop!`);
}

/**
 * Lets promise chains started by a fired timer settle before the next one fires (sinon's tickAsync does
 * the same with a native setTimeout). A MessageChannel round trip is a macrotask without setTimeout's
 * 1 ms (Node) to 4 ms (nested, browsers) floor, which matters when a test fires a thousand timers.
 */
function flushPromises(): Promise<void> {
  return new Promise((resolve) => yieldMacrotask(resolve));
}

const yieldMacrotask: (callback: () => void) => void = createMacrotaskYield();

function createMacrotaskYield(): (callback: () => void) => void {
  if (typeof MessageChannel !== 'function') return (callback) => realSetTimeout(callback, 0);
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node keeps a process alive while a port listens; an idle yield channel must not.
  (channel.port1 as { unref?: () => void }).unref?.();
  (channel.port2 as { unref?: () => void }).unref?.();
  return (callback) => {
    waiting.push(callback);
    channel.port2.postMessage(null);
  };
}

/** A Date whose "now" comes from the clock; every other use behaves exactly like the real Date. */
function createDate(now: () => number): DateConstructor {
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number]));
    }

    static override now(): number {
      return now();
    }
  }
  // Date() called without `new` returns a string; classes cannot be called, so wrap it.
  const callable = function (this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return new ClockDate().toString();
    return Reflect.construct(ClockDate, args, new.target);
  };
  Object.setPrototypeOf(callable, ClockDate);
  callable.prototype = ClockDate.prototype;
  // Named as the real one: `expect.any(Date)` prints its sample's name (`Any<Date>` in a snapshot).
  Object.defineProperty(callable, 'name', { value: 'Date' });
  return callable as unknown as DateConstructor;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from './clock';
import { acquire, RateLimitTimeoutError, TokenBucket } from './rate-limiter';

/** Time that moves only when the test says so. */
class ManualClock implements Clock {
  #now: number;
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** A fresh bucket and clock per test: 5 requests per second, one token every 200 ms. */
function setup(capacity = 5, refillPerSecond = 5) {
  const clock = new ManualClock();
  return { clock, bucket: new TokenBucket(capacity, refillPerSecond, clock) };
}

const drain = (bucket: TokenBucket): void => {
  while (bucket.tryTake());
};

describe('TokenBucket', () => {
  it('allows a burst up to capacity, then blocks', () => {
    const { bucket } = setup();
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('refills one token every 200 ms, and not a millisecond earlier', () => {
    const { clock, bucket } = setup();
    drain(bucket);
    clock.advance(199);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(1);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('keeps progress toward the next token when a token is taken late', () => {
    const { clock, bucket } = setup();
    drain(bucket);
    clock.advance(300);
    expect(bucket.tryTake()).toBe(true);
    clock.advance(100); // 400 ms after draining: the second token is due
    expect(bucket.tryTake()).toBe(true);
  });

  it('never holds more than its capacity after a long idle period', () => {
    const { clock, bucket } = setup();
    bucket.tryTake();
    clock.advance(60_000);
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('does not bank time while full: a burst after idling is still capacity, then one per 200 ms', () => {
    const { clock, bucket } = setup();
    clock.advance(10_000);
    let burst = 0;
    while (burst < 100 && bucket.tryTake()) burst++;
    expect(burst).toBe(5);
    expect(bucket.msUntilNextToken()).toBe(200);
  });

  it('keeps the tokens it has when the clock steps backwards', () => {
    const { clock, bucket } = setup();
    bucket.tryTake();
    bucket.tryTake();
    bucket.tryTake();
    clock.advance(-5_000);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('says how long until the next token', () => {
    const { clock, bucket } = setup();
    expect(bucket.msUntilNextToken()).toBe(0);
    drain(bucket);
    clock.advance(150);
    expect(bucket.msUntilNextToken()).toBe(50);
  });
});

describe('acquire', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Tracks a promise so a test can ask whether it has settled yet. */
  function track(promise: Promise<void>) {
    const state = { settled: false, error: undefined as unknown };
    promise.then(
      () => (state.settled = true),
      (error: unknown) => {
        state.settled = true;
        state.error = error;
      },
    );
    return state;
  }

  it('takes a token at once when one is available', async () => {
    const bucket = new TokenBucket(1, 5);
    await acquire(bucket, { maxWaitMs: 0 });
    expect(bucket.tryTake()).toBe(false);
  });

  it('resolves exactly when the next token arrives, and takes it', async () => {
    const bucket = new TokenBucket(1, 5);
    bucket.tryTake();
    vi.advanceTimersByTime(50);
    const waiting = track(acquire(bucket, { maxWaitMs: 1_000 }));

    await vi.advanceTimersByTimeAsync(149);
    expect(waiting.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting).toEqual({ settled: true, error: undefined });
    expect(bucket.tryTake()).toBe(false);
  });

  it('waits when the token arrives exactly at the end of the budget', async () => {
    const bucket = new TokenBucket(1, 5);
    bucket.tryTake();
    const waiting = track(acquire(bucket, { maxWaitMs: 200 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(waiting).toEqual({ settled: true, error: undefined });
  });

  it('rejects at once when the next token is beyond the budget', async () => {
    const bucket = new TokenBucket(1, 5);
    bucket.tryTake();
    const waiting = track(acquire(bucket, { maxWaitMs: 199 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.error).toBeInstanceOf(RateLimitTimeoutError);
    expect(waiting.error).toMatchObject({ retryAfterMs: 200 });
  });

  it('counts time already waited against the budget when another caller wins the token', async () => {
    const bucket = new TokenBucket(1, 5);
    bucket.tryTake();
    const first = track(acquire(bucket, { maxWaitMs: 300 }));
    const second = track(acquire(bucket, { maxWaitMs: 300 }));

    await vi.advanceTimersByTimeAsync(200);

    expect(first).toEqual({ settled: true, error: undefined });
    expect(second.error).toBeInstanceOf(RateLimitTimeoutError);
  });

  it('stops waiting as soon as the caller aborts', async () => {
    const bucket = new TokenBucket(1, 0.1); // one token every 10 s
    bucket.tryTake();
    const controller = new AbortController();
    const waiting = track(acquire(bucket, { maxWaitMs: 60_000, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);

    controller.abort(new Error('client went away'));
    await vi.advanceTimersByTimeAsync(0);

    expect(waiting.settled).toBe(true);
    expect(waiting.error).toEqual(new Error('client went away'));
  });
});

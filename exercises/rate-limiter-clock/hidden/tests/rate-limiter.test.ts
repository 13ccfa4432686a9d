import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquire, RateLimitTimeoutError, TokenBucket } from '../src/rate-limiter';

function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const drain = (bucket: TokenBucket): void => {
  for (let i = 0; i < 1_000 && bucket.tryTake(); i++);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('a TokenBucket with an injected clock', () => {
  it('reads the time from the clock it is given, not from Date.now()', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const clock = manualClock();
    const bucket = new TokenBucket(2, 5, clock);
    drain(bucket);
    vi.advanceTimersByTime(60_000);
    expect(bucket.tryTake(), 'wall-clock time passed but the injected clock did not: no token is due').toBe(false);
    clock.advance(200);
    expect(bucket.tryTake(), 'the injected clock moved 200 ms: one token is due').toBe(true);
  });

  it('refills a 5-per-second bucket at 200 ms, not at 199 ms', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(5, 5, clock);
    drain(bucket);
    clock.advance(199);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(1);
    expect(bucket.tryTake()).toBe(true);
  });

  it('caps a long-idle bucket at its capacity', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(5, 5, clock);
    bucket.tryTake();
    clock.advance(3_600_000);
    let taken = 0;
    while (taken < 100 && bucket.tryTake()) taken++;
    expect(taken).toBe(5);
  });

  it('keeps its tokens when the clock steps backwards', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(5, 5, clock);
    bucket.tryTake();
    clock.advance(-60_000);
    let taken = 0;
    while (taken < 100 && bucket.tryTake()) taken++;
    expect(taken).toBe(4);
  });

  it('reports the exact wait for the next token', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(3, 2, clock); // one token every 500 ms
    drain(bucket);
    clock.advance(120);
    expect(bucket.msUntilNextToken()).toBe(380);
  });
});

describe('acquire under fake timers', () => {
  it('resolves when the next token arrives and not before', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(1, 4); // one token every 250 ms
    bucket.tryTake();
    let done = false;
    const pending = acquire(bucket, { maxWaitMs: 1_000 }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
  });

  it('rejects with RateLimitTimeoutError, without waiting, when the token is beyond the budget', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(1, 1);
    bucket.tryTake();
    await expect(acquire(bucket, { maxWaitMs: 999 })).rejects.toBeInstanceOf(RateLimitTimeoutError);
  });

  it('rejects with the abort reason when the caller aborts mid-wait', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(1, 0.5);
    bucket.tryTake();
    const controller = new AbortController();
    const pending = acquire(bucket, { maxWaitMs: 10_000, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort(new Error('client went away'));
    await expect(pending).rejects.toThrow('client went away');
  });
});

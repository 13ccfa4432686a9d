import { describe, expect, it } from 'vitest';
import { acquire, RateLimitTimeoutError, TokenBucket } from './rate-limiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 5 requests per second, like the gateway's default merchant plan.
const limiter = new TokenBucket(5, 5);

describe('TokenBucket', () => {
  it('allows a burst of five', () => {
    for (let i = 0; i < 5; i++) expect(limiter.tryTake()).toBe(true);
  });

  it('blocks the sixth request', () => {
    expect(limiter.tryTake()).toBe(false);
  });

  it('refills after a while', async () => {
    await sleep(250);
    expect(limiter.tryTake()).toBe(true);
  });

  it('never holds more than five tokens', async () => {
    await sleep(1_100);
    for (let i = 0; i < 5; i++) expect(limiter.tryTake()).toBe(true);
    expect(limiter.tryTake()).toBe(false);
  });
});

describe('acquire', () => {
  it('waits for the next token', async () => {
    const bucket = new TokenBucket(1, 5);
    bucket.tryTake();
    const started = Date.now();
    await acquire(bucket, { maxWaitMs: 1_000 });
    expect(Date.now() - started).toBeGreaterThan(150);
  });

  it('gives up when the next token is too far away', async () => {
    const bucket = new TokenBucket(1, 1);
    bucket.tryTake();
    await expect(acquire(bucket, { maxWaitMs: 100 })).rejects.toThrow(RateLimitTimeoutError);
  });
});

import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/rate-limiter.ts';
import type { ConsumeRequest, QuotaClient } from '../src/quota-client.ts';

/**
 * A quota service whose answers get lost: it applies the first attempt of every request, then times out
 * before answering, as a slow network does. It honours idempotency keys like the real service.
 */
class LossyQuota implements QuotaClient {
  readonly buckets = new Map<string, number>();
  readonly applied = new Map<string, number>();
  readonly keysSeen: (string | undefined)[] = [];
  #attempts = 0;

  consume(request: ConsumeRequest): Promise<{ remaining: number }> {
    this.#attempts += 1;
    this.keysSeen.push(request.idempotencyKey);
    const repeat = request.idempotencyKey === undefined ? undefined : this.applied.get(request.idempotencyKey);
    const remaining = repeat ?? (this.buckets.get(request.key) ?? request.capacity) - request.tokens;
    if (repeat === undefined) {
      this.buckets.set(request.key, remaining);
      if (request.idempotencyKey !== undefined) this.applied.set(request.idempotencyKey, remaining);
    }
    // Every first attempt is applied, but its answer never arrives.
    if (this.#attempts % 2 === 1) return Promise.reject(new Error('timeout'));
    return Promise.resolve({ remaining });
  }
}

function setup() {
  const quota = new LossyQuota();
  const limiter = new RateLimiter({ limitPerMinute: 60, burst: 2, retries: 3, quota, clock: { now: () => 0 } });
  return { quota, limiter };
}

describe('a retried consume is applied once', () => {
  it('charges one token per request even when the first answer is lost', async () => {
    const { quota, limiter } = setup();
    await expect(limiter.check('k1', 'req-1')).resolves.toMatchObject({ allowed: true });
    expect(quota.buckets.get('k1')).toBe(1);
    await expect(limiter.check('k1', 'req-2')).resolves.toMatchObject({ allowed: true });
  });

  it('sends the same idempotency key on every attempt of a request, and a different one per request', async () => {
    const { quota, limiter } = setup();
    await limiter.check('k1', 'req-1');
    await limiter.check('k1', 'req-2');
    expect(quota.keysSeen).toHaveLength(4);
    const [a1, a2, b1, b2] = quota.keysSeen;
    expect(a1).toBeDefined();
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
    expect(b1).not.toBe(a1);
  });
});

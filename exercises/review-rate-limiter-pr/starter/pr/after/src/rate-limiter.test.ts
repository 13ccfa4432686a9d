import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';
import { FakeClock } from './testing/fake-clock.ts';
import { InMemoryQuota } from './testing/in-memory-quota.ts';

function limiter(quota = new InMemoryQuota(), clock = new FakeClock(0)) {
  return { quota, clock, limiter: new RateLimiter({ limitPerMinute: 60, burst: 2, retries: 2, quota, clock }) };
}

describe('RateLimiter', () => {
  it('lets a key use its burst, then says when to come back', async () => {
    const { limiter: l } = limiter();
    await expect(l.check('k1')).resolves.toEqual({ allowed: true, retryAfterSeconds: 0 });
    await expect(l.check('k1')).resolves.toEqual({ allowed: true, retryAfterSeconds: 0 });
    await expect(l.check('k1')).resolves.toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('shares one bucket between two instances of the API', async () => {
    const quota = new InMemoryQuota();
    const a = limiter(quota).limiter;
    const b = limiter(quota).limiter;
    await a.check('k1');
    await b.check('k1');
    await expect(a.check('k1')).resolves.toMatchObject({ allowed: false });
  });

  it('refills as the clock moves, without sleeping', async () => {
    const { limiter: l, clock } = limiter();
    await l.check('k1');
    await l.check('k1');
    clock.advance(1_000);
    await expect(l.check('k1')).resolves.toMatchObject({ allowed: true });
  });
});

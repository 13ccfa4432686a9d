import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemoryCache } from '../src/in-memory-cache';
import { CACHE_POLICY } from '../src/policy';
import type { Profile } from '../src/profile-db';
import { createProfileReader } from '../src/profile-reader';

const DB_READ_MS = 20;

/** The profiles table: reads take 20 ms (or what the test scripts), and it counts what it is asked. */
function fakeDb(ids: string[] = ['ana']) {
  const rows = new Map<string, Profile>(ids.map((id) => [id, { id, name: `${id} v1` }]));
  const slowReads: number[] = [];
  const stats = { reads: 0, inFlight: 0, maxInFlight: 0 };
  let failingReads = 0;
  return {
    rows,
    stats,
    /** The next read takes `ms` instead of 20 ms. */
    nextReadTakes(ms: number) {
      slowReads.push(ms);
    },
    /** The next `n` reads fail after their 20 ms, as a dropped connection does. */
    failNextReads(n: number) {
      failingReads += n;
    },
    async getProfile(id: string): Promise<Profile | null> {
      stats.reads++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      const row = rows.get(id); // the query sees the row as it is when it runs...
      const snapshot = row ? { ...row } : null;
      await new Promise((resolve) => setTimeout(resolve, slowReads.shift() ?? DB_READ_MS)); // ...and answers later
      stats.inFlight--;
      if (failingReads > 0) {
        failingReads--;
        throw new Error('connection to the database lost');
      }
      return snapshot;
    },
    async updateName(id: string, name: string): Promise<void> {
      await new Promise((resolve) => setTimeout(resolve, 5));
      rows.set(id, { id, name });
    },
  };
}

function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('cache-aside on a normal day', () => {
  it('reads a profile from the database once, then from the cache', async () => {
    const db = fakeDb();
    const reader = createProfileReader({ cache: new InMemoryCache(), db });

    const first = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    const second = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(0);

    expect(first.value).toEqual({ id: 'ana', name: 'ana v1' });
    expect(second.value, 'the second read should be a cache hit, answered at once').toEqual({ id: 'ana', name: 'ana v1' });
    expect(db.stats.reads).toBe(1);
  });
});

describe('a stampede on a hot key', () => {
  it('turns 1,000 concurrent misses into one database read', async () => {
    const db = fakeDb();
    const reader = createProfileReader({ cache: new InMemoryCache(), db });

    const all = Array.from({ length: 1000 }, () => track(reader.getProfile('ana')));
    await vi.advanceTimersByTimeAsync(300);

    expect(db.stats.reads, '1,000 requests missed together; the database should see one read').toBe(1);
    expect(all.every((r) => r.value?.name === 'ana v1'), 'every request should get the profile').toBe(true);
  });

  it('turns misses on two instances into one database read (the lease decides who loads)', async () => {
    const db = fakeDb();
    const cache = new InMemoryCache();
    const instanceA = createProfileReader({ cache, db });
    const instanceB = createProfileReader({ cache, db });

    const all = Array.from({ length: 1000 }, (_, i) => track((i % 2 ? instanceA : instanceB).getProfile('ana')));
    await vi.advanceTimersByTimeAsync(300);

    expect(db.stats.reads, 'two instances missed together; the database should still see one read (the instance without the lease waits for it)').toBe(1);
    expect(all.every((r) => r.value?.name === 'ana v1'), 'every request should get the profile').toBe(true);
  });
});

describe('a write racing a slow read', () => {
  it('never leaves the old name in the cache', async () => {
    const db = fakeDb();
    const reader = createProfileReader({ cache: new InMemoryCache(), db });

    db.nextReadTakes(100); // reader A misses and its query is slow
    const readerA = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(10);
    const write = track(reader.updateName('ana', 'Ana Renamed')); // a write commits while A's query is out
    await vi.advanceTimersByTimeAsync(200);
    expect(readerA.value?.name, "A's own answer was read before the write; that is fine").toBe('ana v1');
    expect(write.settled).toBe(true);

    const later = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    expect(
      later.value?.name,
      "after the write, the cache served the old name: A's late set won (use the lease, and delete on write)",
    ).toBe('Ana Renamed');
  });

  it('does not let a read that lands during the write cache the old name again', async () => {
    const db = fakeDb();
    const reader = createProfileReader({ cache: new InMemoryCache(), db });
    track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);

    const write = track(reader.updateName('ana', 'Ana Renamed'));
    await vi.advanceTimersByTimeAsync(1); // the write is on its way to the database
    track(reader.getProfile('ana')); // a read arrives before the write has committed
    await vi.advanceTimersByTimeAsync(100);
    expect(write.settled).toBe(true);

    const later = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    expect(
      later.value?.name,
      'the key was invalidated before the database write, and a read in between cached the old row: write first, then delete',
    ).toBe('Ana Renamed');
  });

  it('shows a change made behind the cache\'s back once the TTL has passed, and not before', async () => {
    // The longest jitter the policy allows, every time: a TTL that overshoots the bound is then caught on
    // every run, not only when the random draw happens to be large.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const db = fakeDb();
    const reader = createProfileReader({ cache: new InMemoryCache(), db });
    track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);

    db.rows.set('ana', { id: 'ana', name: 'Ana Elsewhere' }); // another service updates the row, no invalidation
    await vi.advanceTimersByTimeAsync(CACHE_POLICY.ttlMs - 1000);
    const beforeTtl = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(0);
    expect(beforeTtl.value?.name, 'within the TTL the cached profile should be served').toBe('ana v1');

    await vi.advanceTimersByTimeAsync(1000 + CACHE_POLICY.ttlJitterMs + 1);
    const afterTtl = track(reader.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS + 1);
    expect(afterTtl.value?.name, 'a cached value must not outlive its TTL (plus jitter)').toBe('Ana Elsewhere');
  });
});

describe('expiry', () => {
  it('spreads the expiry of keys cached together across the jitter window', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `warm-${i}`);
    const db = fakeDb(ids);
    const reader = createProfileReader({ cache: new InMemoryCache(), db });
    ids.forEach((id) => track(reader.getProfile(id))); // a deploy warms the cache all at once
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    ids.forEach((id) => db.rows.set(id, { id, name: `${id} v2` }));

    await vi.advanceTimersByTimeAsync(CACHE_POLICY.ttlMs + CACHE_POLICY.ttlJitterMs / 2);
    const reads = ids.map((id) => track(reader.getProfile(id)));
    await vi.advanceTimersByTimeAsync(DB_READ_MS + 1);

    const expired = reads.filter((r) => r.value?.name.endsWith('v2')).length;
    expect(expired, 'half-way through the jitter window some keys should have expired').toBeGreaterThan(0);
    expect(expired, 'keys cached together all expired together: add a random share of ttlJitterMs to each TTL').toBeLessThan(ids.length);
  });
});

describe('a lease holder that never finishes', () => {
  it('stops waiting after maxLeaseWaits and reads the database itself', async () => {
    const db = fakeDb();
    const cache = new InMemoryCache();
    const stuck = createProfileReader({ cache, db });
    const healthy = createProfileReader({ cache, db });
    db.nextReadTakes(60_000); // the instance holding the lease hangs on its query
    track(stuck.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(1);

    const read = track(healthy.getProfile('ana'));
    await vi.advanceTimersByTimeAsync(CACHE_POLICY.leaseWaitMs * (CACHE_POLICY.maxLeaseWaits + 1) + DB_READ_MS + 50);

    expect(read.value, 'waiting for a lease must be bounded, or one hung instance hangs every other').toEqual({ id: 'ana', name: 'ana v1' });
  });
});

describe('a cache outage', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `user-${i}`);

  it(`falls back to the database, at most ${CACHE_POLICY.maxDbFallback} reads at a time, and rejects the rest at once`, async () => {
    const db = fakeDb(ids);
    const cache = new InMemoryCache();
    cache.down = true;
    const reader = createProfileReader({ cache, db });

    const all = ids.map((id) => track(reader.getProfile(id)));
    await vi.advanceTimersByTimeAsync(0);
    const rejectedAtOnce = all.filter((r) => r.settled && r.error !== undefined);
    await vi.advanceTimersByTimeAsync(DB_READ_MS);

    const served = all.filter((r) => r.value !== undefined);
    expect(db.stats.maxInFlight, 'with the cache down, the database must not take the whole read load').toBeLessThanOrEqual(CACHE_POLICY.maxDbFallback);
    expect(served, 'requests under the cap should be served from the database while the cache is down').toHaveLength(CACHE_POLICY.maxDbFallback);
    expect(rejectedAtOnce, 'requests over the cap should fail at once, not queue').toHaveLength(ids.length - CACHE_POLICY.maxDbFallback);
    expect((rejectedAtOnce[0]?.error as Error | undefined)?.name).toBe('ProfileUnavailableError');
  });

  it('frees a fallback slot when the database read fails', async () => {
    const db = fakeDb(ids);
    const cache = new InMemoryCache();
    cache.down = true;
    const reader = createProfileReader({ cache, db });
    db.failNextReads(CACHE_POLICY.maxDbFallback);

    const failed = ids.slice(0, CACHE_POLICY.maxDbFallback).map((id) => track(reader.getProfile(id)));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    expect(failed.every((r) => r.error !== undefined)).toBe(true);
    const next = track(reader.getProfile('user-50'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);

    expect(next.value, 'failed reads kept their slots: release the slot in finally').toEqual({ id: 'user-50', name: 'user-50 v1' });
  });

  it('serves again once fallback reads finish', async () => {
    const db = fakeDb(ids);
    const cache = new InMemoryCache();
    cache.down = true;
    const reader = createProfileReader({ cache, db });

    ids.slice(0, CACHE_POLICY.maxDbFallback).forEach((id) => track(reader.getProfile(id)));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);
    const next = track(reader.getProfile('user-50'));
    await vi.advanceTimersByTimeAsync(DB_READ_MS);

    expect(next.value, 'the cap should count reads in flight, not reads ever made').toEqual({ id: 'user-50', name: 'user-50 v1' });
  });
});

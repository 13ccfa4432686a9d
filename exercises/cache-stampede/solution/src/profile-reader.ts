import { CacheUnavailableError, type CacheClient, type LeaseResult } from './cache-client';
import { CACHE_POLICY } from './policy';
import type { Profile, ProfileDb } from './profile-db';

/** Thrown when the cache is down and the database fallback is already at its concurrency cap. */
export class ProfileUnavailableError extends Error {
  override name = 'ProfileUnavailableError';
}

export interface ProfileReader {
  getProfile(id: string): Promise<Profile | null>;
  updateName(id: string, name: string): Promise<void>;
}

export interface ReaderDeps {
  cache: CacheClient;
  db: ProfileDb;
}

const keyFor = (id: string): string => `profile:v1:${id}`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Cache-aside in front of the profiles table, one reader per service instance.
 * - Misses for the same key in this instance share one load (coalescing).
 * - Across instances, the cache's lease decides who loads; the others wait and ask again.
 * - Writes delete the key, which also revokes any lease, so a slow reader cannot set an old value.
 * - With the cache down, reads go to the database, but only `maxDbFallback` at a time.
 */
export function createProfileReader({ cache, db }: ReaderDeps): ProfileReader {
  const inFlight = new Map<string, Promise<Profile | null>>();
  let fallbackReads = 0;

  async function readDbCapped(id: string): Promise<Profile | null> {
    if (fallbackReads >= CACHE_POLICY.maxDbFallback) {
      throw new ProfileUnavailableError('cache down and the database fallback is at its cap');
    }
    fallbackReads++;
    try {
      return await db.getProfile(id);
    } finally {
      fallbackReads--;
    }
  }

  async function leaseGet(key: string): Promise<LeaseResult | 'cache-down'> {
    try {
      return await cache.leaseGet(key);
    } catch (error) {
      if (error instanceof CacheUnavailableError) return 'cache-down';
      throw error;
    }
  }

  async function load(id: string): Promise<Profile | null> {
    const key = keyFor(id);
    for (let waits = 0; ; waits++) {
      const lease = await leaseGet(key);
      if (lease === 'cache-down') return readDbCapped(id);
      if (lease.kind === 'hit') return JSON.parse(lease.value) as Profile | null;
      if (lease.kind === 'miss') {
        const fresh = await db.getProfile(id);
        const ttl = CACHE_POLICY.ttlMs + Math.floor(Math.random() * CACHE_POLICY.ttlJitterMs);
        // Refused if a write deleted the key meanwhile: what we read may already be old.
        await cache.leaseSet(key, JSON.stringify(fresh), lease.token, ttl).catch(() => false);
        return fresh;
      }
      // Another instance holds the lease and is loading: give it a moment, but not forever.
      if (waits >= CACHE_POLICY.maxLeaseWaits) return db.getProfile(id);
      await sleep(CACHE_POLICY.leaseWaitMs);
    }
  }

  return {
    getProfile(id) {
      const running = inFlight.get(id);
      if (running) return running;
      const loading = load(id).finally(() => inFlight.delete(id));
      inFlight.set(id, loading);
      return loading;
    },

    async updateName(id, name) {
      await db.updateName(id, name);
      // Delete, never set: a delete is idempotent and revokes the lease of any reader still loading.
      // If the cache is down, the TTL bounds how long the old value can survive.
      await cache.delete(keyFor(id)).catch(() => undefined);
    },
  };
}

import type { CacheClient } from './cache-client';
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

/**
 * Cache-aside in front of the profiles table, one reader per service instance. It works on a quiet
 * day. When a hot profile expires, every request misses at once and the database takes all of them.
 */
export function createProfileReader({ cache, db }: ReaderDeps): ProfileReader {
  return {
    async getProfile(id) {
      const cached = await cache.get(keyFor(id));
      if (cached !== null) return JSON.parse(cached) as Profile | null;
      const fresh = await db.getProfile(id);
      await cache.set(keyFor(id), JSON.stringify(fresh), CACHE_POLICY.ttlMs);
      return fresh;
    },

    async updateName(id, name) {
      await db.updateName(id, name);
      // Write-through: put the new value in the cache straight away.
      const fresh = await db.getProfile(id);
      await cache.set(keyFor(id), JSON.stringify(fresh), CACHE_POLICY.ttlMs);
    },
  };
}

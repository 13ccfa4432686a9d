import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, ProductCache, type Cache, type Database } from '../src/product-cache.ts';

const downCache: Cache = {
  get: () => Promise.reject(new Error('ECONNREFUSED')),
  set: () => Promise.reject(new Error('ECONNREFUSED')),
};

/** A database that holds every read open until released, and counts how many are open at once. */
function slowDatabase() {
  let open = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const db: Database = {
    readProduct: (id) => {
      open += 1;
      peak = Math.max(peak, open);
      return new Promise((resolve) =>
        waiting.push(() => {
          open -= 1;
          resolve(`product ${id}`);
        }),
      );
    },
  };
  return { db, peak: () => peak, release: () => waiting.splice(0).forEach((done) => done()) };
}

describe('product cache outage', () => {
  it('with the cache down, at most 20 concurrent reads reach the database', async () => {
    const { db, peak, release } = slowDatabase();
    const cache = new ProductCache(downCache, db, 20);
    const reads = Array.from({ length: 200 }, (_, i) => cache.get(String(i)).catch((e: unknown) => e));
    // Let every read reach the database or be turned away before any finishes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const results = await Promise.all(reads);
    expect(peak()).toBe(20);
    expect(results.filter((r) => r instanceof DatabaseBusyError)).toHaveLength(180);
  });
});

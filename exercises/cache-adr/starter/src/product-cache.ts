export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

export interface Database {
  readProduct(id: string): Promise<string>;
}

export class DatabaseBusyError extends Error {
  constructor() {
    super('the database fallback is at its concurrency cap');
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Cache-aside for product reads. When the cache fails, reads fall back to the database, but at most
 * `maxFallback` at a time: the rest fail fast, so a cache outage slows the page instead of taking the
 * database down with it.
 */
export class ProductCache {
  readonly #cache: Cache;
  readonly #db: Database;
  readonly #maxFallback: number;
  #inFallback = 0;

  constructor(cache: Cache, db: Database, maxFallback: number) {
    this.#cache = cache;
    this.#db = db;
    this.#maxFallback = maxFallback;
  }

  async get(id: string): Promise<string> {
    const key = `product:${id}`;
    let cached: string | undefined;
    try {
      cached = await this.#cache.get(key);
    } catch {
      return this.#fallback(id);
    }
    if (cached !== undefined) return cached;
    const fresh = await this.#db.readProduct(id);
    await this.#cache.set(key, fresh, 60).catch(() => undefined);
    return fresh;
  }

  async #fallback(id: string): Promise<string> {
    if (this.#inFallback >= this.#maxFallback) throw new DatabaseBusyError();
    this.#inFallback += 1;
    try {
      return await this.#db.readProduct(id);
    } finally {
      this.#inFallback -= 1;
    }
  }
}

/**
 * A small DataLoader of your own: `load(key)` calls made in the same tick are collected and sent to
 * `batch` once, and each key's result is handed back to its caller.
 *
 * The batch function's contract (the same as graphql/dataloader's): it receives keys and resolves to
 * an array of results of the same length, in the same order as the keys.
 */
export type BatchFunction<K, V> = (keys: readonly K[]) => Promise<V[]>;

export interface Loader<K, V> {
  load(key: K): Promise<V>;
}

interface Pending<V> {
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

/**
 * Create one per request. The cache is the request's memo of promises: a key asked for twice is
 * fetched once, and nothing outlives the request that created the loader.
 */
export function createLoader<K, V>(batch: BatchFunction<K, V>): Loader<K, V> {
  const cache = new Map<K, Promise<V>>();
  let queue = new Map<K, Pending<V>>();

  async function dispatch(): Promise<void> {
    const pending = queue;
    queue = new Map();
    const keys = [...pending.keys()];
    try {
      const values = await batch(keys);
      if (values.length !== keys.length) {
        throw new Error(`batch returned ${values.length} results for ${keys.length} keys`);
      }
      keys.forEach((key, i) => pending.get(key)!.resolve(values[i]));
    } catch (error) {
      for (const key of keys) {
        cache.delete(key); // a failed load may be retried by a later resolver
        pending.get(key)!.reject(error);
      }
    }
  }

  return {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const promise = new Promise<V>((resolve, reject) => {
        if (queue.size === 0) queueMicrotask(() => void dispatch());
        queue.set(key, { resolve, reject });
      });
      cache.set(key, promise);
      return promise;
    },
  };
}

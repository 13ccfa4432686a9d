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

export function createLoader<K, V>(batch: BatchFunction<K, V>): Loader<K, V> {
  // TODO: collect keys, send one batch, hand each caller its own result.
  return {
    load: async (key) => (await batch([key]))[0],
  };
}

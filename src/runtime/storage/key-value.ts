/**
 * The subset of Web Storage the runtime uses. localStorage satisfies it in the browser; tests and Node use
 * `memoryStorage`. Keeping the runtime behind this interface is what lets it run without a DOM.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/**
 * An in-memory KeyValueStorage. With `quotaChars`, a write that would take the total length of keys and
 * values past it throws a QuotaExceededError, as a full localStorage does, so rollback paths can be tested.
 */
export function memoryStorage(initial: Record<string, string> = {}, quotaChars = Infinity): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const value = String(v);
      const after = used() - (map.has(k) ? k.length + (map.get(k) ?? '').length : 0) + k.length + value.length;
      if (after > quotaChars) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
      map.set(k, value);
    },
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}

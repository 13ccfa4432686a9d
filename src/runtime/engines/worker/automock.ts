import { fn } from '@vitest/spy';

/**
 * What `vi.mock(path)` without a factory puts in place of a module, following Vitest's automocking:
 * functions (classes included) become spies returning undefined, objects are mocked member by member,
 * arrays become empty, and other values are kept.
 */
export function automock(exports: Record<string, unknown>): Record<string, unknown> {
  const seen = new Map<object, unknown>();
  const mockValue = (value: unknown): unknown => {
    if (typeof value === 'function') return fn();
    if (Array.isArray(value)) return [];
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known) return known;
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = mockValue((value as Record<string, unknown>)[key]);
    return copy;
  };
  const mocked = mockValue(exports) as Record<string, unknown>;
  Object.defineProperty(mocked, '__esModule', { value: true });
  return mocked;
}

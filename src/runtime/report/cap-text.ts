/**
 * Bounds on what a run may send back. Learner code decides the text of assertion messages and logs, so a
 * test can fail with a 50 MB message; rendering that froze the page for half a minute. Every hop applies
 * the same caps (the worker before posting, the sandbox frame before relaying, the page on receipt): the
 * worker's copy can be subverted by the code it runs, the frame's cannot.
 */

/** Longest string kept whole; a failure message or diff longer than this is cut, saying so. */
export const MAX_TEXT_CHARS = 20_000;
/** Longest list kept (tests, lint problems, items); the rest are dropped, which the cut item says. */
export const MAX_LIST_ITEMS = 2_000;
/** Deeper structures are not something any report has; past this depth values are dropped. */
const MAX_DEPTH = 12;

/** A copy of `value` with every string and list within the caps; plain data only (what postMessage carries). */
export function capText<T>(value: T): T {
  return cap(value, 0) as T;
}

function cap(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return capString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LIST_ITEMS).map((item: unknown) => cap(item, depth + 1));
    if (value.length > MAX_LIST_ITEMS && typeof kept[0] === 'string')
      kept.push(`… ${value.length - MAX_LIST_ITEMS} more not shown`);
    return kept;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = cap(item, depth + 1);
  return copy;
}

function capString(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  return `${text.slice(0, MAX_TEXT_CHARS)}… [${text.length - MAX_TEXT_CHARS} more characters not shown]`;
}

import type { CheckResult, TestFailure } from './check-report.ts';

/**
 * Bounds on text that learner code controls (assertion messages, diffs, logs, tool output). A test can fail
 * with a 50 MB message; rendering that froze the page for half a minute, and reports are stored with
 * progress. Pure, so every hop can apply the same caps: runChecks on every report, and in the browser the
 * worker before posting, the sandbox frame before relaying and the page on receipt (the worker's copy can
 * be subverted by the code it runs, the frame's cannot).
 */

/** Longest string kept whole; a failure message or diff longer than this is cut, saying so. */
export const MAX_TEXT_CHARS = 20_000;
/** Findings kept per check; the summary still counts them all. */
export const MAX_FINDINGS = 500;
/** Longest list kept in a message of plain data (tests, lint problems, items). */
export const MAX_LIST_ITEMS = 2_000;
/** No report is deeper than this; past it, values of a hostile message are dropped. */
const MAX_DEPTH = 12;

/** `text` cut to `max` characters, saying how much was cut; never splits a surrogate pair. */
export function capText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}\n… (${text.length - end} more characters cut)`;
}

/** A check's result with every learner-influenced text capped and at most MAX_FINDINGS of each finding. */
export function capCheckResult<T extends Partial<CheckResult>>(result: T): T {
  const capped: T = { ...result };
  if (result.summary !== undefined) capped.summary = capText(result.summary, 2_000);
  if (result.lint) capped.lint = result.lint.slice(0, MAX_FINDINGS).map((p) => ({ ...p, message: capText(p.message) }));
  if (result.tests) {
    capped.tests = result.tests.slice(0, MAX_FINDINGS).map((t) => ({
      ...t,
      name: capText(t.name, 500),
      suite: t.suite.map((s) => capText(s, 500)),
      ...(t.failure ? { failure: capFailure(t.failure) } : {}),
    }));
  }
  if (result.items) {
    capped.items = result.items
      .slice(0, MAX_FINDINGS)
      .map((i) => (i.message === undefined ? i : { ...i, message: capText(i.message) }));
  }
  return capped;
}

/** A copy of any message of plain data (what postMessage carries) with every string and list within the caps. */
export function capData<T>(value: T): T {
  return capValue(value, 0) as T;
}

function capFailure(failure: TestFailure): TestFailure {
  const capped: TestFailure = { ...failure, message: capText(failure.message) };
  for (const key of ['expected', 'actual', 'diff'] as const) {
    const value = failure[key];
    if (value !== undefined) capped[key] = capText(value);
  }
  return capped;
}

function capValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return capText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LIST_ITEMS).map((item: unknown) => capValue(item, depth + 1));
    if (value.length > MAX_LIST_ITEMS && typeof kept[0] === 'string')
      kept.push(`… ${value.length - MAX_LIST_ITEMS} more not shown`);
    return kept;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = capValue(item, depth + 1);
  return copy;
}

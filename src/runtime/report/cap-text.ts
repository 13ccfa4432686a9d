import type { CheckResult, TestFailure } from './check-report.ts';

/**
 * Caps for text that learner code controls (assertion messages, diffs, tool output): a 50 MB message took
 * 28 s to render, and reports are stored with progress. Pure, so every engine and the page can reuse it.
 */
export const MAX_TEXT_CHARS = 8_000;
/** Findings kept per check; the summary still counts them all. */
export const MAX_FINDINGS = 500;

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

function capFailure(failure: TestFailure): TestFailure {
  const capped: TestFailure = { ...failure, message: capText(failure.message) };
  for (const key of ['expected', 'actual', 'diff'] as const) {
    const value = failure[key];
    if (value !== undefined) capped[key] = capText(value);
  }
  return capped;
}

import type { CheckReport, CheckResult, TestResult } from './check-report.ts';

/**
 * A failure as a mentor names it across a cohort: which check, and what in it failed, in a form that is the
 * same for every learner who makes that mistake (a test's name, a lint rule, a seeded defect), never the
 * learner's own line numbers or messages. Read from the report's fields only, never from its labels.
 */
export type FailureSignatureKind = 'test' | 'lint' | 'defect' | 'type';

export interface FailureSignature {
  /** The check whose result carries the failure. */
  checkId: string;
  kind: FailureSignatureKind;
  /**
   * test: the failing test's full name; lint: the rule id; defect: the seeded defect id the review missed;
   * type: the compiler's error code as tsc prints it ("TS18048"), the same for every learner's slip.
   */
  value: string;
}

/** Separates a test's enclosing suites and its name, as Vitest prints a full test name. */
export const TEST_NAME_SEPARATOR = ' > ';

/** A test's full name: its enclosing `describe` names, outermost first, then its own. */
export function testFullName(test: Pick<TestResult, 'suite' | 'name'>): string {
  return [...test.suite, test.name].join(TEST_NAME_SEPARATOR);
}

/**
 * Every distinct signature the report carries, in report order. A check that passed carries none: a lint
 * warning under a passing lint check is advice, not a failure a mentor would explain to the cohort.
 */
export function failureSignatures(report: CheckReport): FailureSignature[] {
  return uniqueSignatures(report.checks.filter((check) => check.status !== 'pass').flatMap(signaturesOf));
}

/** Each signature once, first occurrence first. */
export function uniqueSignatures(signatures: readonly FailureSignature[]): FailureSignature[] {
  const seen = new Set<string>();
  return signatures.filter((s) => {
    const key = signatureKey(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One string per signature, for sets and maps (the parts cannot contain the NUL separator in practice). */
export function signatureKey(s: FailureSignature): string {
  return `${s.checkId}\u0000${s.kind}\u0000${s.value}`;
}

function signaturesOf(check: CheckResult): FailureSignature[] {
  const tests = (check.tests ?? [])
    .filter((t) => t.status === 'fail')
    .map((t) => ({ checkId: check.id, kind: 'test' as const, value: testFullName(t) }));
  const lint = (check.lint ?? []).flatMap((p) =>
    p.ruleId === null ? [] : [{ checkId: check.id, kind: 'lint' as const, value: p.ruleId }],
  );
  const defects = (check.items ?? []).flatMap((item) =>
    item.defect?.outcome === 'missed' ? [{ checkId: check.id, kind: 'defect' as const, value: item.defect.id }] : [],
  );
  // Only errors: a warning-category diagnostic does not fail the check, so it is not a failure to explain.
  const types = (check.items ?? []).flatMap((item) =>
    item.diagnostic !== undefined && item.status === 'fail'
      ? [{ checkId: check.id, kind: 'type' as const, value: typeErrorCode(item.diagnostic.code) }]
      : [],
  );
  return [...tests, ...lint, ...defects, ...types];
}

/** A TypeScript diagnostic code as tsc prints it and as learners search for it: 18048 → "TS18048". */
export function typeErrorCode(code: number): string {
  return `TS${code}`;
}

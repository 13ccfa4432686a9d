import {
  combineStatus,
  REPORT_VERSION,
  type CheckReport,
  type CheckResult,
  type EngineName,
  type TestResult,
} from '../report/check-report.ts';
import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { RunTimeoutError, TestRef } from '../checks/toolchain.ts';
import { capCheckResult } from '../report/cap-text.ts';

/**
 * What a run has done so far, told as it happens. runChecks emits these; the worker engine's host hears
 * them across the thread boundary, so that when it has to kill a worker stuck in an endless loop it still
 * knows which checks and tests had finished.
 */
export type RunEvent =
  | { type: 'check-started'; check: string }
  | { type: 'check-finished'; result: CheckResult }
  /** A toolchain test run began for the check (a shuffled check runs several): earlier tests are moot. */
  | { type: 'tests-started'; check: string }
  | { type: 'test-started'; check: string; test: TestRef }
  | { type: 'test-finished'; check: string; result: TestResult };

const NOT_RUN = 'Not run: the time limit was used up';

/**
 * Folds run events into what a report stopped at its time limit shows: every finished check as it
 * finished, the check that was running as `timeout` with its finished tests and the one test that was
 * running (named in the summary), and the checks after it as not run. The one place that decides what a
 * timed-out run reports, for runChecks' own limit and for a host that had to kill its worker.
 */
export class RunProgress {
  readonly #bundle: ExerciseBundle;
  readonly #finished = new Map<string, CheckResult>();
  #running: { check: string; startedAt: number; tests: TestResult[]; test: TestRef | undefined } | undefined;

  constructor(bundle: ExerciseBundle) {
    this.#bundle = bundle;
  }

  /** The id of the check in progress, if any. */
  get runningCheck(): string | undefined {
    return this.#running?.check;
  }

  apply(event: RunEvent): void {
    const running = this.#running;
    switch (event.type) {
      case 'check-started':
        this.#running = { check: event.check, startedAt: Date.now(), tests: [], test: undefined };
        return;
      case 'check-finished':
        this.#finished.set(event.result.id, event.result);
        if (running?.check === event.result.id) this.#running = undefined;
        return;
      case 'tests-started':
        if (running?.check === event.check) Object.assign(running, { tests: [], test: undefined });
        return;
      case 'test-started':
        if (running?.check === event.check) running.test = event.test;
        return;
      case 'test-finished':
        if (running?.check !== event.check) return;
        running.tests.push(event.result);
        if (running.test && sameTest(running.test, event.result)) running.test = undefined;
        return;
    }
  }

  /** The result of the check in progress when the run hit `limit`. */
  timedOutCheck(checkId: string, limit: RunTimeoutError): CheckResult {
    const spec = this.#bundle.meta.checks.find((c) => c.id === checkId);
    const running = this.#running?.check === checkId ? this.#running : undefined;
    const base = { id: checkId, kind: spec?.kind ?? 'tests', title: spec?.title ?? checkId };
    const durationMs = running ? Date.now() - running.startedAt : 0;
    const test = running?.test;
    // Only a tests check's results are its tests; a learner-tests check runs them against mutants too.
    const finished = spec?.kind === 'tests' ? (running?.tests ?? []) : [];
    const tests: TestResult[] = [...finished];
    if (test) {
      tests.push({
        ...test,
        status: 'timeout',
        durationMs,
        failure: { message: `This test was still running when the run was stopped. ${limit.message}` },
      });
    }
    const parts = [limit.message];
    if (test) parts.push(`Running when stopped: "${testTitle(test)}" (${test.file}).`);
    if (finished.length > 0) parts.push(`${tally(finished)}.`);
    const summary = parts.join(' ');
    return capCheckResult({
      ...base,
      status: 'timeout',
      summary,
      durationMs,
      ...(tests.length > 0 ? { tests } : {}),
    });
  }

  /**
   * The whole report of a run stopped at `limit` by someone other than runChecks (the host of a worker it
   * had to terminate): finished checks keep their results, the running one times out, later ones did not run.
   */
  timedOutReport(engine: EngineName, startedAt: Date, limit: RunTimeoutError): CheckReport {
    // Without a check in progress (killed between two), the first unfinished one carries the limit.
    const hung = this.#running?.check ?? this.#bundle.meta.checks.find((spec) => !this.#finished.has(spec.id))?.id;
    const checks = this.#bundle.meta.checks.map(
      (spec): CheckResult =>
        this.#finished.get(spec.id) ?? (spec.id === hung ? this.timedOutCheck(spec.id, limit) : notRunCheck(spec)),
    );
    return {
      version: REPORT_VERSION,
      exercise: this.#bundle.slug,
      engine,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      verdict: combineStatus(checks.map((c) => c.status)),
      checks,
    };
  }
}

/** The result of a check that was never started because the limit was already used up. */
export function notRunCheck(spec: { id: string; kind: string; title: string }): CheckResult {
  return { id: spec.id, kind: spec.kind, title: spec.title, status: 'timeout', summary: NOT_RUN, durationMs: 0 };
}

function sameTest(a: TestRef, b: TestRef): boolean {
  return a.file === b.file && a.name === b.name && a.suite.join('\0') === b.suite.join('\0');
}

function testTitle(test: TestRef): string {
  return [...test.suite, test.name].join(' > ');
}

/** "3 tests had finished (2 pass, 1 fail)": the counts a learner compares with the list below. */
function tally(tests: readonly TestResult[]): string {
  const counts = new Map<string, number>();
  for (const t of tests) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
  return `${tests.length} ${tests.length === 1 ? 'test' : 'tests'} had finished (${parts})`;
}

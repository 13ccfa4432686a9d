import { combineStatus, REPORT_VERSION, type CheckReport, type CheckResult } from '../report/check-report.ts';
import type { CheckSpec } from '../../content/schema/exercise.ts';
import { composeWorkspace, type ExerciseBundle } from '../exercise/bundle.ts';
import { kindOf } from '../checks/registry.ts';
import { RunTimeoutError, type Files, type TestObserver, type Toolchain } from '../checks/toolchain.ts';
import type { KeyReveal } from '../checks/kind.ts';
import { untilAborted } from './until-aborted.ts';
import { capCheckResult } from '../report/cap-text.ts';
import { notRunCheck, RunProgress, type RunEvent } from './run-progress.ts';

export interface RunChecksOptions {
  /** Cancels the run; the promise then rejects with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
  /** Limit for the whole run; defaults to the exercise's timeoutMs. */
  timeoutMs?: number;
  /** What answer-key checks may reveal; 'found' (the default) names only what the learner found. */
  reveal?: KeyReveal;
  /**
   * Told what the run does as it does it (a check or a test started or finished): a host that may have
   * to kill the thread this runs in keeps the finished results from these (worker-engine.ts).
   */
  onEvent?: (event: RunEvent) => void;
}

/**
 * The single grading entry every engine calls: composes the workspace, runs each check of the exercise
 * in order through its kind module, and returns the versioned report. When the run passes its limit, the
 * check in progress is reported as `timeout` with the tests that had finished and the one that was running
 * (run-progress.ts), and the ones after it are not started; checks that had finished keep their results.
 */
export async function runChecks(
  bundle: ExerciseBundle,
  learnerFiles: Files,
  toolchain: Toolchain,
  options: RunChecksOptions = {},
): Promise<CheckReport> {
  const startedAt = new Date();
  const limitMs = options.timeoutMs ?? bundle.meta.timeoutMs;
  const run = new AbortController();
  const timer = setTimeout(() => run.abort(new RunTimeoutError(limitMs)), limitMs);
  const forwardAbort = (): void => run.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    throwIfCancelled(options.signal);
    const workspace = composeWorkspace(bundle, learnerFiles);
    const progress = new RunProgress(bundle);
    const emit = (event: RunEvent): void => {
      progress.apply(event);
      options.onEvent?.(event);
    };
    const checks: CheckResult[] = [];
    for (const spec of bundle.meta.checks) {
      const began = Date.now();
      const base = { id: spec.id, kind: spec.kind, title: spec.title };
      if (run.signal.aborted) {
        throwIfCancelled(options.signal);
        checks.push(notRunCheck(base));
        continue;
      }
      emit({ type: 'check-started', check: spec.id });
      const context = {
        bundle,
        workspace,
        toolchain: observed(toolchain, spec.id, emit),
        signal: run.signal,
        reveal: options.reveal ?? 'found',
      };
      let result: CheckResult;
      try {
        // untilAborted: a toolchain that ignores the signal still cannot hold the run past its limit.
        const outcome = await untilAborted(kindOf(spec).run(spec, context), run.signal);
        // Capped here, the one place every engine's results pass: learner code controls these texts.
        result = capCheckResult({ ...base, ...outcome, durationMs: Date.now() - began });
      } catch (error) {
        throwIfCancelled(options.signal);
        const limit = timeoutOf(error, run.signal);
        result = limit
          ? progress.timedOutCheck(spec.id, limit)
          : capCheckResult({ ...base, ...failureOf(spec, error), durationMs: Date.now() - began });
      }
      checks.push(result);
      emit({ type: 'check-finished', result });
    }
    return {
      version: REPORT_VERSION,
      exercise: bundle.slug,
      engine: toolchain.engine,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      verdict: combineStatus(checks.map((c) => c.status)),
      checks,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

/** The toolchain as one check sees it: every test run it starts is told to the run's progress. */
function observed(toolchain: Toolchain, check: string, emit: (event: RunEvent) => void): Toolchain {
  const observer: TestObserver = {
    testStarted: (test) => emit({ type: 'test-started', check, test }),
    testFinished: (result) => emit({ type: 'test-finished', check, result }),
  };
  return {
    engine: toolchain.engine,
    lint: (files, request, signal) => toolchain.lint(files, request, signal),
    typecheck: (files, request, signal) => toolchain.typecheck(files, request, signal),
    test: (files, request, signal) => {
      emit({ type: 'tests-started', check });
      return toolchain.test(files, request, signal, observer);
    },
    ...(toolchain.testEach ? { testEach: toolchain.testEach.bind(toolchain) } : {}),
  };
}

/** The time limit that stopped the check, whether the toolchain noticed it or the run's own timer did. */
function timeoutOf(error: unknown, signal: AbortSignal): RunTimeoutError | undefined {
  if (error instanceof RunTimeoutError) return error;
  return signal.reason instanceof RunTimeoutError ? signal.reason : undefined;
}

function failureOf(spec: CheckSpec, error: unknown): Pick<CheckResult, 'status' | 'summary'> {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', summary: `The ${spec.kind} check could not run: ${message.trim()}` };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The run was cancelled', 'AbortError');
}

import { combineStatus, REPORT_VERSION, type CheckReport, type CheckResult } from '../report/check-report.ts';
import type { CheckSpec } from '../../content/schema/exercise.ts';
import { composeWorkspace, type ExerciseBundle } from '../exercise/bundle.ts';
import { kindOf } from '../checks/registry.ts';
import { RunTimeoutError, type Files, type Toolchain } from '../checks/toolchain.ts';
import type { KeyReveal } from '../checks/kind.ts';
import { untilAborted } from './until-aborted.ts';
import { capCheckResult } from '../report/cap-text.ts';

export interface RunChecksOptions {
  /** Cancels the run; the promise then rejects with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
  /** Limit for the whole run; defaults to the exercise's timeoutMs. */
  timeoutMs?: number;
  /** What answer-key checks may reveal; 'found' (the default) names only what the learner found. */
  reveal?: KeyReveal;
}

/**
 * The single grading entry every engine calls: composes the workspace, runs each check of the exercise
 * in order through its kind module, and returns the versioned report. When the run passes its limit, the
 * check in progress is reported as `timeout` and the ones after it are not started.
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
    const context = { bundle, workspace, toolchain, signal: run.signal, reveal: options.reveal ?? 'found' };
    const checks: CheckResult[] = [];
    for (const spec of bundle.meta.checks) {
      const began = Date.now();
      const base = { id: spec.id, kind: spec.kind, title: spec.title };
      if (run.signal.aborted) {
        throwIfCancelled(options.signal);
        checks.push({ ...base, status: 'timeout', summary: 'Not run: the time limit was used up', durationMs: 0 });
        continue;
      }
      try {
        // untilAborted: a toolchain that ignores the signal still cannot hold the run past its limit.
        const outcome = await untilAborted(kindOf(spec).run(spec, context), run.signal);
        // Capped here, the one place every engine's results pass: learner code controls these texts.
        checks.push(capCheckResult({ ...base, ...outcome, durationMs: Date.now() - began }));
      } catch (error) {
        throwIfCancelled(options.signal);
        checks.push(capCheckResult({ ...base, ...failureOf(spec, error, run.signal), durationMs: Date.now() - began }));
      }
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

function failureOf(spec: CheckSpec, error: unknown, signal: AbortSignal): Pick<CheckResult, 'status' | 'summary'> {
  const timedOut = error instanceof RunTimeoutError || signal.reason instanceof RunTimeoutError;
  if (timedOut) {
    const limit = error instanceof RunTimeoutError ? error : (signal.reason as RunTimeoutError);
    return { status: 'timeout', summary: limit.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', summary: `The ${spec.kind} check could not run: ${message.trim()}` };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The run was cancelled', 'AbortError');
}

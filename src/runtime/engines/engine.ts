import type { CheckReport, LintProblem } from '../report/check-report.ts';
import type { Files } from '../checks/toolchain.ts';
import type { PhaseTimes } from './worker/phase-times.ts';

/**
 * The one interface the workbench talks to. Backends (worker, WebContainer; Node for the CLI) are
 * interchangeable and loaded on demand by the exercise's `engine` field.
 */
export interface Engine {
  readonly name: CheckReport['engine'];
  /** Run every check of the exercise on the learner's files (editable ones; the engine adds the rest). */
  check(request: CheckRequest, options?: RunOptions): Promise<CheckReport>;
  /** Lint only, for editor markers while typing; cheap enough to call on every pause in typing. */
  lint?(request: CheckRequest, options?: RunOptions): Promise<LintProblem[]>;
  /** Free the worker, container or processes. The engine is unusable afterwards. */
  dispose(): void;
}

export interface CheckRequest {
  /** Exercise slug. */
  exercise: string;
  /** The learner's current files, by workspace path. */
  files: Files;
}

export interface RunOptions {
  /** Aborting cancels the run; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Progress for the status line ("installing", "running tests"). */
  onStatus?: (status: EngineStatus) => void;
  /** Where the time went, for the benchmark and the status line; engines that cannot tell never call it. */
  onTiming?: (timing: EngineTiming) => void;
}

export interface EngineTiming {
  /** Milliseconds the tools took inside the engine (lint or runChecks), without messaging or waiting. */
  engineMs: number;
  /** Milliseconds the request waited for its worker to finish loading (0 when one was warm). */
  waitedForWorkerMs: number;
  /** A run's engine time by phase (worker-engine only), so the benchmark can say where it went. */
  phases?: PhaseTimes;
}

export type EngineStatus =
  | { phase: 'booting' }
  | { phase: 'installing'; progress?: number }
  | { phase: 'running'; check?: string }
  | { phase: 'ready' }
  | { phase: 'unavailable'; reason: string };

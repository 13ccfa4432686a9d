import type { CheckReport, LintProblem } from '../../report/check-report.ts';
import type { ExerciseBundle } from '../../exercise/bundle.ts';
import type { Files } from '../../checks/toolchain.ts';
import type { RunEvent } from '../../grading/run-progress.ts';
import type { PhaseTimes } from './phase-times.ts';

/**
 * Messages between the page (worker-engine.ts) and the worker (serve.ts). The bundle is sent once per
 * worker; every later request carries only the learner's files and an id its reply echoes. Ids are
 * random, not counted: code under test can post messages of its own, and must not be able to guess the id
 * of the run it is in to answer for the harness (sandbox-frame.ts, docs/adr/0008).
 */

/** Which worker a warm-up prepares: the lint lane's, or a run's. */
export type WarmUpLane = 'lint' | 'run';

export type HostMessage =
  /**
   * Load the exercise. `warm`: first run trusted work through the tools (warm-up.ts) so the first
   * request (a run, or the lint lane's first markers) is not a cold one; 'lint' warms only what the lint
   * lane uses, 'run' also the typecheck a run's checks may have.
   */
  | {
      type: 'init';
      bundle: ExerciseBundle;
      warm?: WarmUpLane;
      /**
       * The type kit's script (type-kit-entry.ts), sent only for an exercise with type-aware checks: the
       * worker cannot fetch it (opaque origin, no network), and other exercises never download it.
       */
      typeKit?: string;
      /**
       * Run workers only: the learner's files as the page last sent them, transformed ahead (not run) for
       * the run that probably follows.
       */
      likelyFiles?: Files;
    }
  | { type: 'check'; id: number; files: Files; timeoutMs: number }
  | { type: 'lint'; id: number; files: Files };

export type WorkerMessage =
  /** The bundle is loaded and the tools are imported; requests are answered from now on. */
  | { type: 'ready'; exercise: string }
  /**
   * What the run just did (a check or test started or finished): for the status line, and so that a run
   * the host must kill (an endless loop) still reports what had finished (run-progress.ts).
   */
  | { type: 'progress'; id: number; event: RunEvent }
  /** `phases`: where the run's time went inside the worker, for the benchmark's breakdown. */
  | { type: 'report'; id: number; report: CheckReport; phases?: PhaseTimes }
  /** `engineMs`: the time the lint took inside the worker, for the benchmark's breakdown. */
  | { type: 'lint-result'; id: number; problems: LintProblem[]; engineMs: number }
  /** The request could not be served (no bundle yet, a crash in the engine itself). */
  | { type: 'failed'; id: number | null; message: string }
  /**
   * The worker is going away on its own (the code under test called `self.close()`): the host replaces it
   * at once instead of waiting for the run's time limit.
   */
  | { type: 'stopped'; reason: string };

const WORKER_TYPES: ReadonlySet<string> = new Set(['ready', 'progress', 'report', 'lint-result', 'failed', 'stopped']);
const HOST_TYPES: ReadonlySet<string> = new Set(['init', 'check', 'lint']);

/** Messages cross a thread boundary as untyped data; check the tag before trusting the shape. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return hasType(data, WORKER_TYPES);
}

export function isHostMessage(data: unknown): data is HostMessage {
  return hasType(data, HOST_TYPES);
}

function hasType(data: unknown, types: ReadonlySet<string>): boolean {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  return typeof data.type === 'string' && types.has(data.type);
}

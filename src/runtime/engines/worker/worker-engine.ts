import { REPORT_VERSION, type CheckReport, type LintProblem } from '../../report/check-report.ts';
import { RunTimeoutError } from '../../checks/toolchain.ts';
import type { ExerciseBundle } from '../../exercise/bundle.ts';
import type { CheckRequest, Engine, RunOptions } from '../engine.ts';
import { isWorkerMessage, type HostMessage, type WorkerMessage } from './protocol.ts';

/**
 * The page's side of the instant engine. The worker cannot interrupt a learner's synchronous endless
 * loop, so the time limit is enforced here: past it the worker is terminated, the run is reported as a
 * `timeout` report, and a fresh worker is started for the next run. Aborting works the same way.
 */

/** A running worker, however it was made: the browser's Worker, a Node worker thread in tests. */
export interface WorkerHandle {
  postMessage(message: HostMessage): void;
  terminate(): void;
}

export interface WorkerEvents {
  onMessage(data: unknown): void;
  /** The worker died or failed to load (a script error, not a failed check). */
  onError(message: string): void;
}

export type WorkerFactory = (events: WorkerEvents) => WorkerHandle;

export interface WorkerEngineOptions {
  createWorker?: WorkerFactory;
  /**
   * Added to the exercise's limit before the page gives up on the worker: runChecks in the worker reports
   * a slow async run itself, with per-check detail; only a blocked worker should hit this one.
   */
  graceMs?: number;
  /** Limit for lint-only requests (editor markers); they should take milliseconds. */
  lintTimeoutMs?: number;
}

export function createWorkerEngine(bundle: ExerciseBundle, options: WorkerEngineOptions = {}): Engine {
  return new WorkerEngine(bundle, options);
}

/** The browser worker. Vite sees this `new URL(..., import.meta.url)` pattern and bundles worker.ts. */
export const browserWorker: WorkerFactory = (events) => {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => events.onMessage(event.data));
  worker.addEventListener('error', (event) => events.onError(event.message || 'The worker failed to start'));
  return worker;
};

interface Pending {
  resolve(message: WorkerMessage): void;
  reject(error: unknown): void;
  progress(checkId: string): void;
}

interface Booted {
  handle: WorkerHandle;
  ready: Promise<void>;
  isReady: boolean;
  /** Whether this worker has linted once, so ESLint is warm. */
  linted: boolean;
  /** Rejects `ready`, so nobody waits forever on a worker that was killed while loading. */
  fail(error: Error): void;
}

/** Limit for the first lint of a fresh worker, which includes warming ESLint up. */
const COLD_LINT_TIMEOUT_MS = 30_000;

class WorkerEngine implements Engine {
  readonly name = 'worker' as const;
  readonly #bundle: ExerciseBundle;
  readonly #createWorker: WorkerFactory;
  readonly #graceMs: number;
  readonly #lintTimeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #worker: Booted | undefined;
  #nextId = 1;
  /** One request at a time: a timeout kills the worker, which must not take a queued request down too. */
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(bundle: ExerciseBundle, options: WorkerEngineOptions) {
    this.#bundle = bundle;
    this.#createWorker = options.createWorker ?? browserWorker;
    this.#graceMs = options.graceMs ?? 1_000;
    this.#lintTimeoutMs = options.lintTimeoutMs ?? 5_000;
    // Start loading ESLint and the harness now, while the learner reads the task.
    this.#boot();
  }

  check(request: CheckRequest, options: RunOptions = {}): Promise<CheckReport> {
    return this.#enqueue(async () => {
      this.#assertExercise(request);
      const timeoutMs = this.#bundle.meta.timeoutMs;
      const startedAt = new Date();
      if (!this.#worker?.isReady) options.onStatus?.({ phase: 'booting' });
      await this.#ready(options.signal);
      options.onStatus?.({ phase: 'running' });
      let running: string | undefined;
      const outcome = await this.#request(
        (id) => ({ type: 'check', id, files: request.files, timeoutMs }),
        timeoutMs + this.#graceMs,
        options.signal,
        (checkId) => {
          running = checkId;
          const title = this.#bundle.meta.checks.find((c) => c.id === checkId)?.title;
          options.onStatus?.(title === undefined ? { phase: 'running' } : { phase: 'running', check: title });
        },
      );
      options.onStatus?.({ phase: 'ready' });
      if (outcome === 'timeout') return timeoutReport(this.#bundle, startedAt, timeoutMs, running);
      if (outcome.type !== 'report') throw unexpected(outcome);
      return outcome.report;
    });
  }

  lint(request: CheckRequest, options: RunOptions = {}): Promise<LintProblem[]> {
    return this.#enqueue(async () => {
      this.#assertExercise(request);
      await this.#ready(options.signal);
      // The first lint of a fresh worker also builds ESLint's rule set and evaluates the config; on a busy
      // machine that alone can pass the steady-state limit, which would hide the first markers.
      const worker = this.#worker;
      const limitMs = worker?.linted ? this.#lintTimeoutMs : Math.max(this.#lintTimeoutMs, COLD_LINT_TIMEOUT_MS);
      const outcome = await this.#request(
        (id) => ({ type: 'lint', id, files: request.files }),
        limitMs,
        options.signal,
      );
      if (outcome === 'timeout') throw new RunTimeoutError(limitMs);
      if (outcome.type !== 'lint-result') throw unexpected(outcome);
      if (worker) worker.linted = true;
      return outcome.problems;
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#kill(new DOMException('The engine was disposed', 'AbortError'));
  }

  /** One engine grades one exercise; files of another would be graded against the wrong tests. */
  #assertExercise(request: CheckRequest): void {
    if (request.exercise !== this.#bundle.slug) {
      throw new Error(`This engine grades "${this.#bundle.slug}", not "${request.exercise}"`);
    }
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error('The worker engine was disposed'));
    const run = this.#queue.then(job, job);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #boot(): Booted {
    let markReady: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      fail = reject;
    });
    // A boot nobody awaits yet must not surface as an unhandled rejection.
    ready.catch(() => undefined);
    const booted: Booted = {
      ready,
      isReady: false,
      linted: false,
      fail: (error) => fail(error),
      handle: this.#createWorker({
        onMessage: (data) => {
          if (this.#worker !== booted || !isWorkerMessage(data)) return;
          if (data.type === 'ready') {
            booted.isReady = true;
            markReady();
          } else this.#settle(data);
        },
        onError: (message) => {
          if (this.#worker !== booted) return;
          const error = new Error(`The check engine stopped: ${message}`);
          fail(error);
          this.#kill(error);
        },
      }),
    };
    this.#worker = booted;
    booted.handle.postMessage({ type: 'init', bundle: this.#bundle });
    return booted;
  }

  /** Waits for the worker to load; aborting here leaves the booting worker alone for the next run. */
  async #ready(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const worker = this.#worker ?? this.#boot();
    if (!signal) return worker.ready;
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      worker.ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Sends one request; resolves with the reply, or 'timeout' after the worker was replaced. */
  #request(
    build: (id: number) => HostMessage,
    limitMs: number,
    signal: AbortSignal | undefined,
    onProgress: (checkId: string) => void = () => {},
  ): Promise<WorkerMessage | 'timeout'> {
    const worker = this.#worker;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!worker) return Promise.reject(new Error('The worker stopped before the run started'));
    const id = this.#nextId++;
    return new Promise<WorkerMessage | 'timeout'>((resolve, reject) => {
      // Both ways out replace the worker; each first retires the other, or a stale timer would later
      // kill the fresh worker in the middle of the next run.
      const giveUp = (settle: () => void): void => {
        if (!this.#pending.delete(id)) return;
        cleanup();
        this.#restart();
        settle();
      };
      const timer = setTimeout(() => giveUp(() => resolve('timeout')), limitMs);
      const onAbort = (): void => giveUp(() => reject(abortReason(signal)));
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.#pending.set(id, {
        resolve: (message) => (cleanup(), resolve(message)),
        reject: (error) => (cleanup(), reject(error)),
        progress: onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.handle.postMessage(build(id));
    });
  }

  #settle(message: Exclude<WorkerMessage, { type: 'ready' }>): void {
    const id = message.id;
    if (id === null) return;
    const pending = this.#pending.get(id);
    if (!pending) return;
    if (message.type === 'progress') return pending.progress(message.check);
    this.#pending.delete(id);
    if (message.type === 'failed') pending.reject(new Error(message.message));
    else pending.resolve(message);
  }

  /** Terminates the current worker and starts loading the next one, so the following run is quick. */
  #restart(): void {
    this.#kill(new Error('The worker was restarted'));
    if (!this.#disposed) this.#boot();
  }

  #kill(reason: Error): void {
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.handle.terminate();
    worker?.fail(reason);
    for (const pending of this.#pending.values()) pending.reject(reason);
    this.#pending.clear();
  }
}

/**
 * What runChecks would report had it been able to stop the run itself: the check that hung gets the
 * limit, later ones were not run. Earlier ones had finished, but their results died with the worker.
 */
function timeoutReport(
  bundle: ExerciseBundle,
  startedAt: Date,
  limitMs: number,
  hung: string | undefined,
): CheckReport {
  const limit = new RunTimeoutError(limitMs);
  const hungAt = Math.max(
    0,
    bundle.meta.checks.findIndex((c) => c.id === hung),
  );
  return {
    version: REPORT_VERSION,
    exercise: bundle.slug,
    engine: 'worker',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    verdict: 'timeout',
    checks: bundle.meta.checks.map((spec, index) => ({
      id: spec.id,
      kind: spec.kind,
      title: spec.title,
      status: 'timeout' as const,
      summary:
        index === hungAt
          ? limit.message
          : index < hungAt
            ? 'Finished, but its result was lost when the stuck run was stopped; run the checks again after fixing the loop'
            : 'Not run: the time limit was used up',
      durationMs: 0,
    })),
  };
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The run was cancelled', 'AbortError');
}

function unexpected(message: WorkerMessage): Error {
  return new Error(`Unexpected reply from the worker: ${message.type}`);
}

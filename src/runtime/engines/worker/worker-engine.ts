import type { CheckReport, LintProblem } from '../../report/check-report.ts';
import { RunTimeoutError, type Files } from '../../checks/toolchain.ts';
import type { ExerciseBundle } from '../../exercise/bundle.ts';
import type { CheckRequest, Engine, EngineTiming, RunOptions } from '../engine.ts';
import { capData } from '../../report/cap-text.ts';
import { RunProgress, type RunEvent } from '../../grading/run-progress.ts';
import { isWorkerMessage, type HostMessage, type WarmUpLane, type WorkerMessage } from './protocol.ts';
import { needsTypeKit } from '../../typecheck/kit.ts';

/**
 * The page's side of the instant engine. The worker cannot interrupt a learner's synchronous endless
 * loop, so the time limit is enforced here: past it the worker is terminated and the run is reported as a
 * `timeout` report, built from the progress events the worker posted as checks and tests finished, so
 * those keep their results (run-progress.ts). Aborting works the same way.
 *
 * Every check run gets a worker of its own, started and warmed up (warm-up.ts) before it is needed and
 * discarded after the run, so nothing the code under test changes (globals, prototypes, the harness)
 * reaches the next run, and no run pays for a worker's start-up unless runs follow each other faster than a
 * worker loads.
 *
 * Lint for editor markers is a lane of its own, with one warm, long-lived worker: it never waits behind a
 * run (runs queue among themselves), and a lint superseded by a newer one is dropped: one still queued is
 * never sent, one the worker is busy with is left to finish and its answer ignored. Only its time limit
 * (an ESLint config that never returns) terminates the lint worker. Why that worker may live long when run
 * workers may not: docs/adr/0008, "The lint lane".
 */

/** A running worker, however it was made: the sandboxed browser worker, a Node worker thread in tests. */
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
  /**
   * Starts one worker. In browsers this is the sandbox frame's (src/ui/sandbox/sandbox-frame.ts), which
   * keeps learner code in an opaque origin; src/runtime has no DOM and so no default.
   */
  createWorker: WorkerFactory;
  /**
   * Added to the exercise's limit before the page gives up on the worker: runChecks in the worker reports
   * a slow async run itself, with per-check detail; only a blocked worker should hit this one.
   */
  graceMs?: number;
  /** Limit for lint-only requests (editor markers); they should take milliseconds. */
  lintTimeoutMs?: number;
  /**
   * The type kit's script (type-kit-entry.ts), asked for only when the exercise has type-aware checks:
   * in browsers a dynamic import of its own module, so no other exercise downloads TypeScript.
   */
  typeKitSource?: () => Promise<string>;
}

export function createWorkerEngine(bundle: ExerciseBundle, options: WorkerEngineOptions): Engine {
  return new WorkerEngine(bundle, options);
}

interface Pending {
  resolve(message: WorkerMessage): void;
  reject(error: unknown): void;
  progress(event: RunEvent): void;
}

interface QueuedLint {
  request: CheckRequest;
  options: RunOptions;
  resolve(problems: LintProblem[]): void;
  reject(error: unknown): void;
}

interface Booted {
  handle: WorkerHandle;
  ready: Promise<void>;
  isReady: boolean;
  /** Whether this worker has linted once, so ESLint is warm. */
  linted: boolean;
  /** Requests sent to this worker and not answered yet; they die with it. */
  pending: Map<number, Pending>;
  /** Why it was terminated, once it was: late messages and a second retire are ignored, late requests get this. */
  retired: Error | undefined;
  /** Rejects `ready`, so nobody waits forever on a worker that was killed while loading. */
  fail(error: Error): void;
}

/** How long after the lint worker is ready the first run's worker starts, unless a lint finished sooner. */
const SPARE_DELAY_MS = 1_000;

/** Limit for the first lint of a fresh worker, which includes warming ESLint up. */
const COLD_LINT_TIMEOUT_MS = 30_000;

class WorkerEngine implements Engine {
  readonly name = 'worker' as const;
  readonly #bundle: ExerciseBundle;
  readonly #createWorker: WorkerFactory;
  readonly #graceMs: number;
  readonly #lintTimeoutMs: number;
  /** The warm worker for editor markers. */
  #lintWorker: Booted | undefined;
  /** The next check run's worker, loaded ahead so the run starts at once; used for one run only. */
  #spare: Booted | undefined;
  /** One run at a time: a timeout kills the worker, which must not take a queued run down too. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The lint lane: whether a lint is with the worker, and the one newest lint waiting for it. */
  #linting = false;
  #nextLint: QueuedLint | undefined;
  #disposed = false;
  /** The type kit's script for every worker's `init`; undefined for an exercise without type-aware checks. */
  readonly #typeKit: Promise<string | undefined>;
  /** The learner's files as last sent (a lint or a run): the next run's worker transforms them ahead. */
  #latestFiles: Files | undefined;

  constructor(bundle: ExerciseBundle, options: WorkerEngineOptions) {
    this.#bundle = bundle;
    this.#createWorker = options.createWorker;
    this.#graceMs = options.graceMs ?? 1_000;
    this.#lintTimeoutMs = options.lintTimeoutMs ?? 5_000;
    const { typeKitSource } = options;
    this.#typeKit = typeKitSource && needsTypeKit(bundle.meta.checks) ? typeKitSource() : Promise.resolve(undefined);
    // Start loading ESLint and the harness now, while the learner reads the task; the first run's worker
    // loads once the lint worker has and its first lint is answered (or a moment later, when nothing asks
    // for one), so the two do not compete for the first markers.
    const lint = this.#boot({ warm: 'lint' });
    this.#lintWorker = lint;
    const later = (): void => void setTimeout(() => this.#prespawn(), SPARE_DELAY_MS);
    lint.ready.then(later, later);
  }

  check(request: CheckRequest, options: RunOptions = {}): Promise<CheckReport> {
    return this.#enqueue(async () => {
      this.#assertExercise(request);
      this.#latestFiles = request.files;
      const timeoutMs = this.#bundle.meta.timeoutMs;
      const startedAt = new Date();
      const worker = this.#spare ?? this.#boot({});
      this.#spare = undefined;
      const waitFrom = performance.now();
      try {
        if (!worker.isReady) options.onStatus?.({ phase: 'booting' });
        await waitReady(worker, options.signal);
        const waitedForWorkerMs = performance.now() - waitFrom;
        options.onStatus?.({ phase: 'running' });
        const progress = new RunProgress(this.#bundle);
        const outcome = await this.#request(
          worker,
          (id) => ({ type: 'check', id, files: request.files, timeoutMs }),
          timeoutMs + this.#graceMs,
          { signal: options.signal },
          (event) => {
            progress.apply(event);
            if (event.type !== 'check-started') return;
            const title = this.#bundle.meta.checks.find((c) => c.id === event.check)?.title;
            options.onStatus?.(title === undefined ? { phase: 'running' } : { phase: 'running', check: title });
          },
        );
        options.onStatus?.({ phase: 'ready' });
        if (outcome === 'timeout')
          return capData(progress.timedOutReport('worker', startedAt, new RunTimeoutError(timeoutMs)));
        if (outcome.type !== 'report') throw unexpected(outcome);
        const { phases } = outcome;
        options.onTiming?.({ engineMs: outcome.report.durationMs, waitedForWorkerMs, ...(phases ? { phases } : {}) });
        return capData(outcome.report);
      } finally {
        this.#retire(worker, new Error('The run is over'));
        this.#prespawn();
      }
    });
  }

  lint(request: CheckRequest, options: RunOptions = {}): Promise<LintProblem[]> {
    if (this.#disposed) return Promise.reject(new Error('The worker engine was disposed'));
    try {
      this.#assertExercise(request);
      options.signal?.throwIfAborted();
      this.#latestFiles = request.files;
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<LintProblem[]>((resolve, reject) => {
      // Only the newest lint matters: one still waiting for the worker is superseded, never sent.
      this.#nextLint?.reject(new DOMException('A newer lint superseded this one', 'AbortError'));
      const queued: QueuedLint = { request, options, resolve, reject };
      this.#nextLint = queued;
      options.signal?.addEventListener(
        'abort',
        () => {
          if (this.#nextLint !== queued) return;
          this.#nextLint = undefined;
          reject(abortReason(options.signal));
        },
        { once: true },
      );
      this.#pumpLint();
    });
  }

  /** Sends the waiting lint once the lint worker is free; one lint at a time, so ESLint is never doubled up. */
  #pumpLint(): void {
    if (this.#linting || this.#disposed) return;
    const next = this.#nextLint;
    if (!next) return;
    this.#nextLint = undefined;
    this.#linting = true;
    this.#lintOnce(next.request, next.options)
      .then(next.resolve, next.reject)
      .finally(() => {
        this.#linting = false;
        this.#pumpLint();
      });
  }

  async #lintOnce(request: CheckRequest, options: RunOptions): Promise<LintProblem[]> {
    const worker = (this.#lintWorker ??= this.#boot({ warm: 'lint' }));
    const waitFrom = performance.now();
    await waitReady(worker, options.signal);
    const waitedForWorkerMs = performance.now() - waitFrom;
    // The first lint of a fresh worker also builds ESLint's rule set and evaluates the config; on a busy
    // machine that alone can pass the steady-state limit, which would hide the first markers.
    const limitMs = worker.linted ? this.#lintTimeoutMs : Math.max(this.#lintTimeoutMs, COLD_LINT_TIMEOUT_MS);
    const outcome = await this.#request(
      worker,
      (id) => ({ type: 'lint', id, files: request.files }),
      limitMs,
      // Aborting a lint detaches it: the caller hears AbortError now, the worker finishes and stays warm.
      { signal: options.signal, onAbort: 'detach' },
    );
    if (outcome === 'timeout') throw new RunTimeoutError(limitMs);
    if (outcome.type !== 'lint-result') throw unexpected(outcome);
    worker.linted = true;
    this.#prespawn();
    const timing: EngineTiming = { engineMs: outcome.engineMs, waitedForWorkerMs };
    options.onTiming?.(timing);
    return capData(outcome.problems);
  }

  dispose(): void {
    this.#disposed = true;
    const reason = new DOMException('The engine was disposed', 'AbortError') as Error;
    this.#nextLint?.reject(reason);
    this.#nextLint = undefined;
    for (const worker of [this.#lintWorker, this.#spare]) if (worker) this.#retire(worker, reason);
  }

  /** One engine grades one exercise; files of another would be graded against the wrong tests. */
  #assertExercise(request: CheckRequest): void {
    if (request.exercise !== this.#bundle.slug) {
      throw new Error(`This engine grades "${this.#bundle.slug}", not "${request.exercise}"`);
    }
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error('The worker engine was disposed'));
    // A job queued before dispose() must not start a worker after it.
    const guarded = (): Promise<T> =>
      this.#disposed ? Promise.reject(new DOMException('The engine was disposed', 'AbortError')) : job();
    const run = this.#queue.then(guarded, guarded);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Loads the next run's worker unless one is loading already. */
  #prespawn(): void {
    if (!this.#disposed && !this.#spare) this.#spare = this.#boot({ warm: 'run' });
  }

  /**
   * `warm`: the lane the worker warms up for; none for a run worker booted because no spare was ready. A
   * warmed run worker also transforms ahead the files of the run that probably follows (`likelyFiles`).
   */
  #boot({ warm }: { warm?: WarmUpLane }): Booted {
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
      pending: new Map(),
      retired: undefined,
      fail: (error) => fail(error),
      handle: this.#createWorker({
        onMessage: (data) => {
          if (booted.retired || !isWorkerMessage(data)) return;
          if (data.type === 'ready') {
            booted.isReady = true;
            markReady();
          } else if (data.type === 'stopped') {
            this.#retire(booted, new Error(`The check engine stopped: ${data.reason}`));
          } else settle(booted, data);
        },
        onError: (message) => this.#retire(booted, new Error(`The check engine stopped: ${message}`)),
      }),
    };
    const likelyFiles = warm === 'run' ? (this.#latestFiles ?? {}) : undefined;
    this.#typeKit.then(
      (typeKit) =>
        booted.handle.postMessage({
          type: 'init',
          bundle: this.#bundle,
          ...(warm ? { warm } : {}),
          ...(typeKit ? { typeKit } : {}),
          ...(likelyFiles ? { likelyFiles } : {}),
        }),
      (error: unknown) => this.#retire(booted, new Error(`The TypeScript payload did not load: ${String(error)}`)),
    );
    return booted;
  }

  /** Sends one request; resolves with the reply, or 'timeout' after the worker was terminated. */
  #request(
    worker: Booted,
    build: (id: number) => HostMessage,
    limitMs: number,
    {
      signal,
      onAbort: afterAbort = 'terminate',
    }: { signal: AbortSignal | undefined; onAbort?: 'terminate' | 'detach' },
    onProgress: (event: RunEvent) => void = () => {},
  ): Promise<WorkerMessage | 'timeout'> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    // Retired while the request waited its turn (the engine was disposed): the same reason as its others.
    if (worker.retired) return Promise.reject(worker.retired);
    const id = requestId();
    return new Promise<WorkerMessage | 'timeout'>((resolve, reject) => {
      // Both ways out terminate the worker; each first retires the other, or a stale timer would later
      // act on a run that is already over.
      const giveUp = (settleWith: () => void): void => {
        if (!worker.pending.delete(id)) return;
        cleanup();
        this.#retire(worker, new Error('The worker was stopped'));
        settleWith();
      };
      const timer = setTimeout(() => giveUp(() => resolve('timeout')), limitMs);
      const onAbort = (): void => {
        if (afterAbort === 'terminate') return giveUp(() => reject(abortReason(signal)));
        // Detached: the answer, when it comes, finds no pending request and is dropped (settle()).
        if (!worker.pending.delete(id)) return;
        cleanup();
        reject(abortReason(signal));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      worker.pending.set(id, {
        resolve: (message) => (cleanup(), resolve(message)),
        reject: (error) => (cleanup(), reject(error)),
        progress: onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.handle.postMessage(build(id));
    });
  }

  /** Terminates one worker and fails whatever still waits on it; the lint worker is booted again on demand. */
  #retire(worker: Booted, reason: Error): void {
    if (worker.retired) return;
    worker.retired = reason;
    if (this.#lintWorker === worker) this.#lintWorker = undefined;
    if (this.#spare === worker) this.#spare = undefined;
    worker.handle.terminate();
    worker.fail(reason);
    for (const pending of worker.pending.values()) pending.reject(reason);
    worker.pending.clear();
  }
}

/** Waits for the worker to load; aborting here leaves the booting worker alone. */
async function waitReady(worker: Booted, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  if (!signal) return worker.ready;
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function settle(worker: Booted, message: Exclude<WorkerMessage, { type: 'ready' | 'stopped' }>): void {
  const id = message.id;
  if (id === null) return;
  const pending = worker.pending.get(id);
  if (!pending) return;
  if (message.type === 'progress') return pending.progress(message.event);
  worker.pending.delete(id);
  if (message.type === 'failed') pending.reject(new Error(message.message));
  else pending.resolve(message);
}

/** A request id code under test cannot guess (protocol.ts): 53 random bits. */
function requestId(): number {
  const [high = 0, low = 0] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (high & 0x1f_ffff) * 0x1_0000_0000 + low;
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The run was cancelled', 'AbortError');
}

function unexpected(message: WorkerMessage): Error {
  return new Error(`Unexpected reply from the worker: ${message.type}`);
}

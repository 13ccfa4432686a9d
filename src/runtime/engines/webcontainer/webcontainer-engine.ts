import type { CheckReport } from '../../report/check-report.ts';
import type { ExerciseBundle } from '../../exercise/bundle.ts';
import { runChecks } from '../../grading/run-checks.ts';
import { untilAborted } from '../../grading/until-aborted.ts';
import type { CheckRequest, Engine, RunOptions } from '../engine.ts';
import { ensureInstalled, type InstallOptions } from './install.ts';
import type { Sandbox } from './sandbox.ts';
import { WebContainerToolchain, type WebContainerToolchainOptions } from './webcontainer-toolchain.ts';

export interface WebContainerEngineOptions {
  /** The booted container, or the promise of one (boot.ts); the engine waits for it on the first run. */
  sandbox: Sandbox | Promise<Sandbox>;
  install?: Omit<InstallOptions, 'onStatus'>;
  toolchain?: Omit<WebContainerToolchainOptions, 'folder'>;
  /**
   * Added to the exercise's time limit: ESLint and Vitest start slower in the browser's Node than in a
   * native one, and the limit is there to stop the learner's endless loops, not our start-up.
   */
  startupAllowanceMs?: number;
}

/**
 * Full-fidelity checks in the browser: the real ESLint and Vitest in a WebContainer. Runs are serialised
 * and a new one cancels the one in progress (its process is killed), so results on screen always belong
 * to the latest code. No editor lint here: markers come from the worker engine, which answers in
 * milliseconds (choose-engine.ts).
 */
export function createWebContainerEngine(bundle: ExerciseBundle, options: WebContainerEngineOptions): Engine {
  return new WebContainerEngine(bundle, options);
}

/** Runs one at a time, the newest cancelling the one in progress. */
class LatestWins {
  #current: AbortController | undefined;
  #settled: Promise<unknown> = Promise.resolve();

  async run<T>(signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.#current?.abort(new DOMException('A newer run replaced this one', 'AbortError'));
    const controller = new AbortController();
    this.#current = controller;
    const forward = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) forward();
    // The previous run's process must be gone before this one touches the same folder.
    const previous = this.#settled;
    const job = previous.then(() => {
      controller.signal.throwIfAborted();
      return work(controller.signal);
    });
    this.#settled = job.catch(() => undefined);
    try {
      return await job;
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.#current === controller) this.#current = undefined;
    }
  }

  cancel(reason: unknown): void {
    this.#current?.abort(reason);
  }
}

class WebContainerEngine implements Engine {
  readonly name = 'webcontainer' as const;
  readonly #bundle: ExerciseBundle;
  readonly #options: WebContainerEngineOptions;
  readonly #checks = new LatestWins();
  #sandbox: Sandbox | undefined;
  #toolchain: WebContainerToolchain | undefined;
  #disposed = false;

  constructor(bundle: ExerciseBundle, options: WebContainerEngineOptions) {
    this.#bundle = bundle;
    this.#options = options;
  }

  check(request: CheckRequest, options: RunOptions = {}): Promise<CheckReport> {
    return this.#checks.run(options.signal, async (signal) => {
      const toolchain = await this.#ready(signal, options);
      options.onStatus?.({ phase: 'running' });
      const timeoutMs = this.#bundle.meta.timeoutMs + (this.#options.startupAllowanceMs ?? 15_000);
      const report = await runChecks(this.#bundle, request.files, toolchain, { signal, timeoutMs });
      options.onStatus?.({ phase: 'ready' });
      return report;
    });
  }

  dispose(): void {
    // The container and its node_modules stay for the next exercise on the page; only our runs stop.
    this.#disposed = true;
    const reason = new DOMException('The engine was disposed', 'AbortError');
    this.#checks.cancel(reason);
  }

  /** Waits for the container and its install; aborting the wait leaves both going for the next run. */
  async #ready(signal: AbortSignal, options: RunOptions): Promise<WebContainerToolchain> {
    if (this.#disposed) throw new Error('The WebContainer engine was disposed');
    if (this.#sandbox === undefined) {
      options.onStatus?.({ phase: 'booting' });
      this.#sandbox = await untilAborted(Promise.resolve(this.#options.sandbox), signal);
    }
    const sandbox = this.#sandbox;
    // Every caller hears the install's progress, and the install itself runs once per container.
    const install = ensureInstalled(sandbox, {
      ...this.#options.install,
      ...(options.onStatus ? { onStatus: options.onStatus } : {}),
    });
    await untilAborted(install, signal);
    this.#toolchain ??= new WebContainerToolchain(sandbox, { ...this.#options.toolchain, folder: 'run' });
    return this.#toolchain;
  }
}

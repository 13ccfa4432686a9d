import type { CheckReport, LintProblem } from '../report/check-report.ts';
import { untilAborted } from '../grading/until-aborted.ts';
import type { CheckRequest, Engine, EngineStatus, RunOptions } from './engine.ts';
import {
  chooseEngine,
  fallbackText,
  type BootState,
  type Capabilities,
  type EngineChoice,
  type EngineMode,
} from './choose-engine.ts';

/** The page's container as this module sees it: no WebContainer import here, so it stays in its own chunk. */
export type ContainerStart =
  | { outcome: 'ok'; engine: Engine; warmUp(onStatus: (status: EngineStatus) => void): Promise<void> }
  | { outcome: 'timed-out'; afterMs: number }
  | { outcome: 'failed'; message: string };

export interface ChosenEngineOptions {
  mode: EngineMode;
  slug: string;
  capabilities: Capabilities;
  /** The instant engine: editor lint always, Run until (or unless) the container is up. */
  worker: Engine;
  /** Boots or joins the page's container, raced against its timeout; called once, at once. */
  startContainer: () => Promise<ContainerStart>;
  bootTimeoutMs: number;
  /** Background progress (booting, installing) and, on fallback, the note saying why. */
  onStatus?: (status: EngineStatus) => void;
}

export interface ChosenEngine extends Engine {
  /** The current decision, for the UI and the browser tests. */
  readonly choice: EngineChoice;
}

/**
 * An engine that applies the choice policy as the container's boot unfolds: the worker while it boots,
 * the container once it is up, the worker with a note when it never comes. Reports say which engine
 * produced them, so a learner (and a mentor) can tell the fast check from the full Node run.
 */
export function createChosenEngine(options: ChosenEngineOptions): ChosenEngine {
  return new Chosen(options);
}

class Chosen implements ChosenEngine {
  readonly #options: ChosenEngineOptions;
  readonly #started: Promise<void>;
  #boot: BootState = 'pending';
  #bootError: string | undefined;
  #container: Engine | undefined;

  constructor(options: ChosenEngineOptions) {
    this.#options = options;
    options.onStatus?.({ phase: 'booting' });
    this.#started = options.startContainer().then(
      (start) => this.#onStart(start),
      (error: unknown) => this.#fail(error),
    );
  }

  get name(): CheckReport['engine'] {
    return this.choice.check;
  }

  get choice(): EngineChoice {
    const { mode, slug, capabilities, bootTimeoutMs } = this.#options;
    return chooseEngine({
      mode,
      slug,
      capabilities,
      boot: this.#boot,
      bootTimeoutMs,
      ...(this.#bootError ? { bootError: this.#bootError } : {}),
    });
  }

  async check(request: CheckRequest, options: RunOptions = {}): Promise<CheckReport> {
    if (this.choice.check === 'webcontainer' && this.#boot === 'pending') {
      // A `webcontainer` exercise waits for the container; the race bounds the wait.
      options.onStatus?.({ phase: 'booting' });
      await (options.signal ? untilAborted(this.#started, options.signal) : this.#started);
    }
    const container = this.#container;
    if (this.choice.check === 'webcontainer' && container) {
      try {
        return await container.check(request, options);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'InstallError')) throw error;
        this.#fail(error);
      }
    }
    return this.#options.worker.check(request, options);
  }

  lint(request: CheckRequest, options?: RunOptions): Promise<LintProblem[]> {
    const lint = this.#options.worker.lint?.bind(this.#options.worker);
    return lint ? lint(request, options) : Promise.resolve([]);
  }

  dispose(): void {
    this.#options.worker.dispose();
    this.#container?.dispose();
  }

  #onStart(start: ContainerStart): void {
    if (start.outcome === 'timed-out') {
      this.#boot = 'timed-out';
      this.#announceFallback();
      return;
    }
    if (start.outcome === 'failed') return this.#fail(new Error(start.message));
    this.#boot = 'ok';
    this.#container = start.engine;
    // Install now, while the learner reads and types, so the first Run does not wait for npm.
    const onStatus = this.#options.onStatus ?? (() => undefined);
    start.warmUp(onStatus).then(
      () => onStatus({ phase: 'ready' }),
      (error: unknown) => this.#fail(error),
    );
  }

  #fail(error: unknown): void {
    this.#boot = 'failed';
    this.#bootError = error instanceof Error ? error.message : String(error);
    this.#announceFallback();
  }

  #announceFallback(): void {
    const fallback = this.choice.fallback;
    if (fallback) this.#options.onStatus?.({ phase: 'unavailable', reason: fallbackText(fallback) });
  }
}

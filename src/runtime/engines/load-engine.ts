import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { Engine, EngineStatus } from './engine.ts';
import { chooseEngine, fallbackText, readCapabilities, type Capabilities } from './choose-engine.ts';
import type { WorkerFactory } from './worker/worker-engine.ts';

export interface CreateEngineOptions {
  /** How the worker engine starts its workers: in browsers, inside the sandbox frame (src/ui/sandbox/). */
  createWorker: WorkerFactory;
  /** Background progress (booting, installing) and, on fallback, the reason as an `unavailable` status. */
  onStatus?: (status: EngineStatus) => void;
  /** How long WebContainer.boot() may take before the worker takes over (it hangs without network). */
  bootTimeoutMs?: number;
  /** A worker engine for this bundle started ahead (the workbench's prefetch), used instead of a new one. */
  worker?: Engine;
  /** The browser's, unless a test says otherwise. */
  capabilities?: Capabilities;
  /** The type kit's script, fetched only for exercises with type-aware checks (WorkerEngineOptions). */
  typeKitSource?: () => Promise<string>;
}

export const DEFAULT_BOOT_TIMEOUT_MS = 20_000;

/**
 * Picks and loads the engine backend for an exercise (choose-engine.ts decides). Each backend is a dynamic
 * import so a page only downloads the engine it uses: a `worker` exercise, or a page that cannot run
 * WebContainers, never loads the container code. For `auto` and `webcontainer` exercises the page's one
 * WebContainer starts booting now, as soon as the exercise is on screen.
 */
export async function createEngine(bundle: ExerciseBundle, options: CreateEngineOptions): Promise<Engine> {
  const worker = options.worker ?? (await startWorkerEngine(bundle, options.createWorker, options.typeKitSource));
  const capabilities = options.capabilities ?? readCapabilities();
  const mode = bundle.meta.engine;
  const first = chooseEngine({ mode, slug: bundle.slug, capabilities, boot: 'not-started' });
  if (!first.boot) {
    if (first.fallback) options.onStatus?.({ phase: 'unavailable', reason: fallbackText(first.fallback) });
    return worker;
  }
  const bootTimeoutMs = options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
  const { createChosenEngine } = await import('./chosen-engine.ts');
  return createChosenEngine({
    mode,
    slug: bundle.slug,
    capabilities,
    worker,
    bootTimeoutMs,
    startContainer: async () => (await import('./webcontainer/index.ts')).startContainer(bundle, bootTimeoutMs),
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
}

/** The instant engine alone: its lint worker and first run worker start loading at once. */
export async function startWorkerEngine(
  bundle: ExerciseBundle,
  createWorker: WorkerFactory,
  typeKitSource?: () => Promise<string>,
): Promise<Engine> {
  const { createWorkerEngine } = await import('./worker/worker-engine.ts');
  return createWorkerEngine(bundle, { createWorker, ...(typeKitSource ? { typeKitSource } : {}) });
}

import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { Engine } from './engine.ts';

/**
 * Picks and loads the engine backend for an exercise. Each backend is a dynamic import so a page only
 * downloads the engine it uses.
 */
export async function createEngine(bundle: ExerciseBundle): Promise<Engine> {
  const { createWorkerEngine } = await import('./worker/worker-engine.ts');
  return createWorkerEngine(bundle);
}

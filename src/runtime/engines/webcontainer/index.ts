/**
 * Everything load-engine.ts needs from the WebContainer backend, behind one dynamic import so pages that
 * never boot a container never download it (nor @webcontainer/api, which boot.ts imports on demand).
 */
import type { ExerciseBundle } from '../../exercise/bundle.ts';
import type { ContainerStart } from '../chosen-engine.ts';
import { raceBoot, startBoot } from './boot.ts';
import { ensureInstalled } from './install.ts';
import { createWebContainerEngine } from './webcontainer-engine.ts';

/** Boots (or joins) the page's container within `timeoutMs` and wraps it for the exercise. */
export async function startContainer(bundle: ExerciseBundle, timeoutMs: number): Promise<ContainerStart> {
  const result = await raceBoot(startBoot(), timeoutMs);
  if (result.outcome !== 'ok') return result;
  const { sandbox } = result;
  return {
    outcome: 'ok',
    engine: createWebContainerEngine(bundle, { sandbox }),
    warmUp: (onStatus) => ensureInstalled(sandbox, { onStatus }),
  };
}

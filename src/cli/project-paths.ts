import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the CLI works from any current directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function defaultExercisesDir(): string {
  return join(PROJECT_ROOT, 'exercises');
}

/** Where `check` puts a learner's copy of the starter when no --dir is given (gitignored). */
export function defaultWorkDir(slug: string): string {
  return join(PROJECT_ROOT, '.cache', 'workspaces', slug);
}

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));

/** A throwaway exercises/ folder holding a copy of one real exercise, to break on purpose. */
export async function copyExercise(slug: string): Promise<{ exercisesDir: string; dir: string }> {
  const exercisesDir = await mkdtemp(join(tmpdir(), 'craftpath-exercises-'));
  const dir = join(exercisesDir, slug);
  await cp(join(EXERCISES, slug), dir, { recursive: true });
  return { exercisesDir, dir };
}

/** Rewrites a file of the copy; `edit` must change it, so a test never passes on an edit that missed. */
export async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  const before = await readFile(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  await writeFile(path, after);
}

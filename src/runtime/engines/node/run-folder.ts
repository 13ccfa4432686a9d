import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Files } from '../../checks/toolchain.ts';

/**
 * A fresh folder for one run under the project's .cache/runs/: inside the project so eslint, vitest and
 * typescript-eslint resolve from its node_modules by the usual upward lookup, with no symlinks or install.
 */
export async function createRunFolder(runsDir: string): Promise<string> {
  await mkdir(runsDir, { recursive: true });
  return mkdtemp(join(runsDir, 'run-'));
}

/** Writes workspace files below `dir`; paths were validated as relative and free of "..". */
export async function writeFiles(dir: string, files: Files): Promise<void> {
  await Promise.all(
    Object.entries(files).map(async ([path, text]) => {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }),
  );
}

export async function removeRunFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

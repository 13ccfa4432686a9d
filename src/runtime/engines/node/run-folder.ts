import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Files } from '../../checks/toolchain.ts';

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

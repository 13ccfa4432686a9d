import type { Files } from '../../checks/toolchain.ts';
import type { Sandbox } from './sandbox.ts';

/**
 * What this page last wrote into the container, per folder, so a check writes only the files that changed
 * since the previous one: each write crosses into the container's worker and, for Vitest, invalidates
 * its module cache, so an unchanged workspace should cost nothing.
 */
export class FileMirror {
  readonly #sandbox: Sandbox;
  readonly #written = new Map<string, string>();
  readonly #folders = new Set<string>();

  constructor(sandbox: Sandbox) {
    this.#sandbox = sandbox;
  }

  /**
   * Makes `folder` hold `files`: writes new and changed ones, removes ones written before and no longer
   * listed, except those `keep` (given the path inside `folder`) spares.
   */
  async sync(
    folder: string,
    files: Files,
    signal: AbortSignal,
    keep: (path: string) => boolean = () => false,
  ): Promise<void> {
    const prefix = `${folder}/`;
    for (const path of [...this.#written.keys()]) {
      if (!path.startsWith(prefix)) continue;
      const relative = path.slice(prefix.length);
      if (files[relative] !== undefined || keep(relative)) continue;
      signal.throwIfAborted();
      await this.#sandbox.fs.rm(path, { force: true });
      this.#written.delete(path);
    }
    for (const [relative, text] of Object.entries(files)) {
      const path = prefix + relative;
      if (this.#written.get(path) === text) continue;
      signal.throwIfAborted();
      await this.#ensureFolder(path.slice(0, path.lastIndexOf('/')));
      // Forget first: if the write fails half-way, the next sync must not trust the old text.
      this.#written.delete(path);
      await this.#sandbox.fs.writeFile(path, text);
      this.#written.set(path, text);
    }
  }

  async #ensureFolder(folder: string): Promise<void> {
    if (folder === '' || this.#folders.has(folder)) return;
    await this.#sandbox.fs.mkdir(folder, { recursive: true });
    this.#folders.add(folder);
  }
}

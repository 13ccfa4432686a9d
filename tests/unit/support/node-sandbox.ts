import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BufferEncoding, DirEnt, FileSystemTree, SpawnOptions, WebContainerProcess } from '@webcontainer/api';
import type { Sandbox, SandboxFs } from '../../../src/runtime/engines/webcontainer/sandbox.ts';

/**
 * The Sandbox interface over a real folder and real processes: the WebContainer engine's commands, file
 * layout and parsing run against the real ESLint and Vitest, without a WebContainer. `npm` is not run
 * (no network): node_modules is a link to the project's, which holds the same versions the container
 * would install. Not a WebContainer: what only the container does (its npm, its process model) is not
 * covered by this.
 */
export class NodeSandbox implements Sandbox {
  readonly workdir: string;
  readonly fs: SandboxFs;

  constructor(workdir: string) {
    this.workdir = workdir;
    this.fs = new NodeFs(workdir);
  }

  async mount(tree: FileSystemTree | Uint8Array | ArrayBuffer): Promise<void> {
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) throw new Error('trees only');
    await mkdir(this.workdir, { recursive: true });
    for (const [name, node] of Object.entries(tree)) {
      if ('file' in node && 'contents' in node.file) await writeFile(join(this.workdir, name), node.file.contents);
    }
    const projectModules = new URL('../../../node_modules', import.meta.url).pathname;
    await symlink(projectModules, join(this.workdir, 'node_modules')).catch(() => undefined);
  }

  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>;
  spawn(command: string, options?: SpawnOptions): Promise<WebContainerProcess>;
  async spawn(
    command: string,
    argsOrOptions?: string[] | SpawnOptions,
    maybeOptions?: SpawnOptions,
  ): Promise<WebContainerProcess> {
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
    const options = Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions;
    if (command === 'npm') return finished(0); // installed already: node_modules is linked
    // The unit tests run inside Vitest; a child Vitest must not inherit its variables.
    const inherited = Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS',
    );
    const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), ...stringEnv(options?.env) };
    const child = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: join(this.workdir, options?.cwd ?? '.'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 137)));
    const output = new ReadableStream<string>({
      start(controller) {
        child.stdout.on('data', (d: Buffer) => controller.enqueue(d.toString()));
        child.stderr.on('data', (d: Buffer) => controller.enqueue(d.toString()));
        void exit.then(() => controller.close());
      },
    });
    return { exit, output, input: new WritableStream<string>(), kill: () => void child.kill('SIGKILL'), resize() {} };
  }
}

class NodeFs implements SandboxFs {
  readonly #root: string;
  constructor(root: string) {
    this.#root = root;
  }

  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: BufferEncoding): Promise<string>;
  async readFile(path: string, encoding?: BufferEncoding | null): Promise<string | Uint8Array> {
    return encoding ? readFile(join(this.#root, path), 'utf8') : readFile(join(this.#root, path));
  }

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    await writeFile(join(this.#root, path), data);
  }

  mkdir(path: string, options?: { recursive?: false }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  async mkdir(path: string): Promise<string | void> {
    await mkdir(join(this.#root, path), { recursive: true });
    return path;
  }

  async rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    await rm(join(this.#root, path), { force: options?.force ?? false, recursive: options?.recursive ?? false });
  }

  readdir(path: string, options: 'buffer' | { encoding: 'buffer'; withFileTypes?: false }): Promise<Uint8Array[]>;
  readdir(
    path: string,
    options?: { encoding?: BufferEncoding | null; withFileTypes?: false } | BufferEncoding | null,
  ): Promise<string[]>;
  readdir(path: string, options: { encoding: 'buffer'; withFileTypes: true }): Promise<DirEnt<Uint8Array>[]>;
  readdir(path: string, options: { encoding?: BufferEncoding | null; withFileTypes: true }): Promise<DirEnt<string>[]>;
  async readdir(path: string): Promise<string[] | Uint8Array[] | DirEnt<string>[] | DirEnt<Uint8Array>[]> {
    return readdir(join(this.#root, path));
  }
}

function finished(code: number): WebContainerProcess {
  return {
    exit: Promise.resolve(code),
    output: new ReadableStream<string>({ start: (c) => c.close() }),
    input: new WritableStream<string>(),
    kill() {},
    resize() {},
  };
}

function stringEnv(env: SpawnOptions['env']): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, String(v)]));
}

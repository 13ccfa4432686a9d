import type {
  BufferEncoding,
  DirEnt,
  FileSystemTree,
  LoadFilesOptions,
  SpawnOptions,
  WebContainerProcess,
} from '@webcontainer/api';
import type { Sandbox, SandboxFs } from '../../../src/runtime/engines/webcontainer/sandbox.ts';

/** What a fake tool does when spawned: its exit code (or never, if it hangs), its output, its side effects. */
export interface FakeRun {
  exitCode?: number;
  /** Never exits by itself; only kill() ends it. */
  hang?: boolean;
  output?: string;
  /** Milliseconds before it exits. */
  delayMs?: number;
  /** Runs at spawn, e.g. to write the report file the real tool would. */
  effect?: (fs: FakeFs) => void;
}

export interface Spawned {
  command: string;
  args: string[];
  cwd: string;
  killed: boolean;
}

export type FakeTool = (spawned: Spawned) => FakeRun;

/**
 * A WebContainer stand-in typed with @webcontainer/api's own types (through Sandbox), so a change to the
 * real API that the engine depends on fails the build of these tests too. In-memory files, scripted tools.
 */
export class FakeSandbox implements Sandbox {
  readonly workdir = '/home/craftpath';
  readonly fs = new FakeFs();
  readonly mounts: FileSystemTree[] = [];
  readonly spawned: Spawned[] = [];
  tool: FakeTool = () => ({ exitCode: 0 });

  async mount(tree: FileSystemTree | Uint8Array | ArrayBuffer, _options?: LoadFilesOptions): Promise<void> {
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) throw new Error('the fake mounts trees only');
    this.mounts.push(tree);
    for (const [name, node] of Object.entries(tree))
      if ('file' in node && 'contents' in node.file) this.fs.files.set(name, String(node.file.contents));
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
    const spawned: Spawned = { command, args, cwd: normalise(options?.cwd ?? '.'), killed: false };
    this.spawned.push(spawned);
    const run = this.tool(spawned);
    run.effect?.(this.fs);
    return fakeProcess(spawned, run);
  }

  /** Spawns whose arguments mention `needle` (a tool's script path). */
  runsOf(needle: string): Spawned[] {
    return this.spawned.filter((s) => s.command === needle || s.args.some((a) => a.includes(needle)));
  }
}

export class FakeFs implements SandboxFs {
  readonly files = new Map<string, string>();
  readonly folders = new Set<string>();
  /** Every writeFile, in order, by path relative to the workdir. */
  readonly writes: string[] = [];
  /** Listing node_modules/ for install progress; tests set what it answers. */
  modules: string[] = [];

  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: BufferEncoding): Promise<string>;
  async readFile(path: string, encoding?: BufferEncoding | null): Promise<string | Uint8Array> {
    const text = this.files.get(normalise(path));
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return encoding ? text : new TextEncoder().encode(text);
  }

  async writeFile(
    path: string,
    data: string | Uint8Array,
    _options?: string | { encoding?: string | null } | null,
  ): Promise<void> {
    const at = normalise(path);
    const parent = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '';
    if (parent !== '' && !this.folders.has(parent)) throw new Error(`ENOENT: no folder ${parent}`);
    this.writes.push(at);
    this.files.set(at, typeof data === 'string' ? data : new TextDecoder().decode(data));
  }

  mkdir(path: string, options?: { recursive?: false }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  async mkdir(path: string, _options?: { recursive?: boolean }): Promise<string | void> {
    const parts = normalise(path).split('/');
    for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join('/'));
    return path;
  }

  async rm(path: string, _options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    this.files.delete(normalise(path));
  }

  readdir(path: string, options: 'buffer' | { encoding: 'buffer'; withFileTypes?: false }): Promise<Uint8Array[]>;
  readdir(
    path: string,
    options?: { encoding?: BufferEncoding | null; withFileTypes?: false } | BufferEncoding | null,
  ): Promise<string[]>;
  readdir(path: string, options: { encoding: 'buffer'; withFileTypes: true }): Promise<DirEnt<Uint8Array>[]>;
  readdir(path: string, options: { encoding?: BufferEncoding | null; withFileTypes: true }): Promise<DirEnt<string>[]>;
  async readdir(
    path: string,
    _options?: unknown,
  ): Promise<string[] | Uint8Array[] | DirEnt<string>[] | DirEnt<Uint8Array>[]> {
    if (normalise(path) !== 'node_modules') throw new Error(`the fake lists node_modules only, not ${path}`);
    return [...this.modules];
  }
}

/** Paths relative to the workdir, as the container's fs takes them; ".." resolved like a shell would. */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/^\/home\/craftpath\/?/, '').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function fakeProcess(spawned: Spawned, run: FakeRun): WebContainerProcess {
  let finish: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (finish = resolve));
  if (!run.hang) setTimeout(() => finish(run.exitCode ?? 0), run.delayMs ?? 0);
  const output = new ReadableStream<string>({
    start(controller) {
      if (run.output) controller.enqueue(run.output);
      void exit.then(() => controller.close());
    },
  });
  return {
    exit,
    output,
    input: new WritableStream<string>(),
    kill() {
      spawned.killed = true;
      finish(143);
    },
    resize() {},
  };
}

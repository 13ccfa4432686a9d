import { spawn } from 'node:child_process';
import { RunCgroup } from './cgroup.ts';
import { sandboxCommandLine, sandboxEnv, type CompileCache } from './command-line.ts';
import { probeSandboxHost, type SandboxHost } from './host-layers.ts';
import { DEFAULT_LIMITS, type LimitHit, type SandboxLimits } from './limits.ts';
import { killAllOnExit } from './kill-on-exit.ts';
import type { SandboxWorkspace } from './workspace.ts';

export interface SandboxedRunOptions {
  workspace: SandboxWorkspace;
  /** `node` for the Node running this process; anything else must exist inside the sandbox's view. */
  command: string;
  args: readonly string[];
  /** Folder to start in, relative to the workspace ('' for its root). */
  cwd?: string;
  /** Overrides of DEFAULT_LIMITS. */
  limits?: Partial<SandboxLimits>;
  /** Variables besides PATH, HOME, TMPDIR and the colour switches; nothing else is inherited. */
  env?: Readonly<Record<string, string>>;
  /** Cancels the run; every process of it is killed and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A shared V8 compile cache; read-only unless this is a warm-up on trusted input. */
  compileCache?: CompileCache;
  /** Defaults to the probed host; tests pass a reduced one. */
  host?: SandboxHost;
}

export interface SandboxedRun {
  /** Exit code of the command, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  /** Output, at most limits.outputBytes of both together (UTF-8; a character split by the cut becomes U+FFFD). */
  stdout: string;
  stderr: string;
  /** The limit that stopped the run, or undefined when it ended on its own. */
  limit: LimitHit | undefined;
  /** The limits that applied, so a caller can word the message. */
  limits: SandboxLimits;
}

/**
 * Runs one command on a workspace in the strongest sandbox this host gives (see host-layers.ts and
 * docs/adr/0006): no network, the workspace the only writable place, no inherited environment, limits on
 * time, CPU, memory, processes and output. Resolves once every process of the run is gone.
 */
export async function runSandboxed(options: SandboxedRunOptions): Promise<SandboxedRun> {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? (await probeSandboxHost());
  options.signal?.throwIfAborted();
  const cgroup = host.cgroup ? await RunCgroup.create(host.cgroup, limits.memoryBytes, limits.processes) : undefined;
  try {
    const extraEnv: Record<string, string> = { ...options.env };
    // Without a cgroup, the V8 heap is the one memory limit there is.
    if (!cgroup) extraEnv['NODE_OPTIONS'] = `--max-old-space-size=${Math.floor(limits.memoryBytes / (1024 * 1024))}`;
    const [program = '', ...args] = sandboxCommandLine({
      host,
      workspace: options.workspace,
      limits,
      cgroupProcs: cgroup?.procsFiles() ?? [],
      command: options.command,
      args: options.args,
      cwd: options.cwd ?? '',
      compileCache: options.compileCache,
    });
    const run = await spawnAndWatch(program, args, {
      env: sandboxEnv(options.workspace, extraEnv, options.compileCache),
      cwd: options.workspace.hostDir,
      limits,
      ...(options.signal ? { signal: options.signal } : {}),
      // Without bwrap or unshare there is no PID namespace; a process group is the best left.
      detached: true,
    });
    const fromCgroup = await cgroup?.limitHit();
    const limit = run.limit ?? fromCgroup ?? limitOfExit(run.code, run.signal, run.stderr);
    if (run.aborted) throw options.signal?.reason ?? new DOMException('The run was cancelled', 'AbortError');
    return { code: run.code, signal: run.signal, stdout: run.stdout, stderr: run.stderr, limit, limits };
  } finally {
    await cgroup?.killAllAndRemove();
  }
}

interface Watched {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  limit: 'timeout' | 'output' | undefined;
  aborted: boolean;
}

function spawnAndWatch(
  program: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; limits: SandboxLimits; signal?: AbortSignal; detached: boolean },
): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      detached: options.detached,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forget = killAllOnExit(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let kept = 0;
    let limit: Watched['limit'];
    let aborted = false;
    const stop = (): void => {
      if (child.pid === undefined) return;
      try {
        // The group: the sandbox's outer process; its PID namespace (or cgroup) takes everything else.
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (limit !== undefined) return;
      const room = options.limits.outputBytes - kept;
      if (chunk.length > room) {
        into.push(chunk.subarray(0, Math.max(0, room)));
        kept = options.limits.outputBytes;
        limit = 'output';
        stop();
        return;
      }
      into.push(chunk);
      kept += chunk.length;
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => {
      limit ??= 'timeout';
      stop();
    }, options.limits.wallMs);
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      forget();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever the outer process left in its group goes too (the only cleanup there is without namespaces).
      stop();
      forget();
      const text = (chunks: Buffer[]): string => new TextDecoder('utf-8').decode(Buffer.concat(chunks));
      resolve({ code, signal, stdout: text(out), stderr: text(err), limit, aborted });
    });
  });
}

/** Limits the kernel enforced by a signal: bwrap exits 128+signal for its child, unshare re-raises it. */
function limitOfExit(code: number | null, signal: NodeJS.Signals | null, stderr: string): LimitHit | undefined {
  const ended = signal ?? (code !== null && code > 128 ? signalName(code - 128) : undefined);
  if (ended === 'SIGXCPU') return 'cpu';
  if (/JavaScript heap out of memory|Reached heap limit/.test(stderr)) return 'memory';
  if (ended === 'SIGXFSZ') return 'output';
  if (ended === 'SIGKILL') return 'signal';
  return undefined;
}

function signalName(n: number): string | undefined {
  return { 9: 'SIGKILL', 24: 'SIGXCPU', 25: 'SIGXFSZ' }[n];
}

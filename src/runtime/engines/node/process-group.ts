import { spawn } from 'node:child_process';
import { RunTimeoutError } from '../../checks/toolchain.ts';

export interface GroupRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface GroupRunOptions {
  cwd: string;
  signal: AbortSignal;
  /** Hard limit; past it the whole group is killed and the promise rejects with RunTimeoutError. */
  limitMs: number;
  env?: NodeJS.ProcessEnv;
}

/** Output beyond this is dropped: a test printing in a loop must not exhaust the grader's memory. */
const MAX_OUTPUT = 4 * 1024 * 1024;

/** Process groups still running, killed if the CLI itself exits (Ctrl-C) so no learner code lingers. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * Runs `node <args>` as the leader of a new process group (detached), so a timeout or an abort can kill
 * it together with every worker it forked: an endless loop in learner code sits in a Vitest worker, not
 * in the process we started. Resolves only after the leader has exited.
 */
export function runProcessGroup(args: readonly string[], options: GroupRunOptions): Promise<GroupRun> {
  installExitHook();
  if (options.signal.aborted) return Promise.reject(options.signal.reason as Error);
  return new Promise<GroupRun>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8');
    });
    let stopReason: unknown;
    const stop = (reason: unknown): void => {
      stopReason ??= reason;
      killGroup(pid);
    };
    const onAbort = (): void => stop(options.signal.reason);
    const timer = setTimeout(() => stop(new RunTimeoutError(options.limitMs)), options.limitMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => stop(error));
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      // Workers the leader left behind (it can exit first) go with the group too.
      killGroup(pid);
      if (pid !== undefined) liveGroups.delete(pid);
      if (stopReason !== undefined) reject(stopReason as Error);
      else resolve({ code, stdout, stderr });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const pid of liveGroups) killGroup(pid);
  };
  process.on('exit', killAll);
  // Our groups are detached, so Ctrl-C in a terminal does not reach them, and a signal ends Node without
  // an 'exit' event. Kill them here; exit as the signal would have, unless someone else handles it
  // (check --watch stops gracefully on SIGINT).
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    const onSignal = (): void => {
      killAll();
      if (process.listenerCount(signal) === 1) process.exit(code);
    };
    process.on(signal, onSignal);
  }
}

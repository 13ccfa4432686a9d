import { RunTimeoutError } from '../../checks/toolchain.ts';
import { stripAnsi } from '../../parse/ansi.ts';
import type { Sandbox, WebContainerProcess } from './sandbox.ts';

export interface ProcessRun {
  exitCode: number;
  /** Terminal output (stdout and stderr together, as the container's pseudo-terminal merges them). */
  output: string;
}

export interface ProcessOptions {
  /** Folder relative to the container's workdir. */
  cwd: string;
  signal: AbortSignal;
  /** Past it the process is killed and the promise rejects with RunTimeoutError. */
  limitMs: number;
}

/** Output beyond this is dropped: a test printing in a loop must not exhaust the tab's memory. */
const MAX_OUTPUT = 1024 * 1024;
/** How long a killed process gets to report its exit before the next run may start anyway. */
const EXIT_GRACE_MS = 1_000;
/** Colours off: tool output is shown as text and read by parsers, not drawn in a terminal. */
const ENV = { NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' };

/**
 * Runs `command args` in the container and waits for its exit. Aborting or passing the limit kills the
 * process (the container offers no process groups, but killing the Vitest process ends its threads),
 * so a cancelled or stuck run never keeps using the learner's CPU.
 */
export async function runProcess(
  sandbox: Sandbox,
  command: string,
  args: string[],
  options: ProcessOptions,
): Promise<ProcessRun> {
  options.signal.throwIfAborted();
  const child = await sandbox.spawn(command, args, { cwd: options.cwd, env: ENV, terminal: { cols: 160, rows: 40 } });
  let output = '';
  child.output
    .pipeTo(
      new WritableStream<string>({
        write(chunk) {
          if (output.length < MAX_OUTPUT) output += chunk;
        },
      }),
    )
    .catch(() => undefined);
  const exitCode = await untilStopped(child, options);
  return { exitCode, output };
}

function untilStopped(child: WebContainerProcess, options: ProcessOptions): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let stopped = false;
    const stop = (reason: unknown): void => {
      if (stopped) return;
      stopped = true;
      cleanup();
      child.kill();
      const gone = new Promise((r) => setTimeout(r, EXIT_GRACE_MS));
      void Promise.race([child.exit.catch(() => undefined), gone]).then(() => reject(reason as Error));
    };
    const onAbort = (): void => stop(options.signal.reason);
    const timer = setTimeout(() => stop(new RunTimeoutError(options.limitMs)), options.limitMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    child.exit.then(
      (code) => {
        if (stopped) return;
        stopped = true;
        cleanup();
        resolve(code);
      },
      (error: unknown) => stop(error),
    );
  });
}

/** The last `count` non-empty lines of terminal output, plain text, for an error message. */
export function tail(output: string, count: number): string {
  const lines = stripAnsi(output)
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  return lines.slice(-count).join('\n') || 'no output';
}

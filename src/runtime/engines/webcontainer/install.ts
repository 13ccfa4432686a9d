import type { EngineStatus } from '../engine.ts';
import { runProcess, tail } from './run-process.ts';
import { expectedModuleFolders, projectTree } from './project.ts';
import type { FileSystemTree, Sandbox } from './sandbox.ts';

export interface InstallOptions {
  onStatus?: (status: EngineStatus) => void;
  /** The project to mount; the real one unless a test passes its own. */
  tree?: FileSystemTree;
  /** Folders the install should create, for progress. */
  expected?: readonly string[];
  /** A cold install fetches ~160 packages through StackBlitz; past this it is reported as failed. */
  limitMs?: number;
  /** How often node_modules/ is counted for progress. */
  pollMs?: number;
}

/** The container cannot be used for checks: the engine choice falls back to the worker on this error. */
export class InstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallError';
  }
}

/** One install per container: it outlives engines, so later exercises on the page reuse node_modules. */
const installs = new WeakMap<Sandbox, Promise<void>>();
/** Everyone waiting for the install hears its progress, not only the engine that started it. */
const listeners = new WeakMap<Sandbox, Set<(status: EngineStatus) => void>>();

/**
 * Mounts the project and runs `npm ci` once per container. A failed install is forgotten so a later
 * check can retry it (a dropped connection to the registry is the usual cause).
 */
export function ensureInstalled(sandbox: Sandbox, options: InstallOptions = {}): Promise<void> {
  const onStatus = options.onStatus;
  const audience = listeners.get(sandbox) ?? new Set();
  listeners.set(sandbox, audience);
  if (onStatus) audience.add(onStatus);
  let install = installs.get(sandbox);
  if (!install) {
    const tell = (status: EngineStatus): void => audience.forEach((listen) => listen(status));
    install = runInstall(sandbox, options, tell);
    installs.set(sandbox, install);
    install.catch(() => installs.delete(sandbox));
  }
  if (onStatus) {
    const leave = (): void => void audience.delete(onStatus);
    install.then(leave, leave);
  }
  return install;
}

async function runInstall(
  sandbox: Sandbox,
  options: InstallOptions,
  tell: (status: EngineStatus) => void,
): Promise<void> {
  const expected = new Set(options.expected ?? expectedModuleFolders());
  tell({ phase: 'installing', progress: 0 });
  const stopCounting = countProgress(sandbox, expected, options.pollMs ?? 500, tell);
  try {
    await sandbox.mount(options.tree ?? projectTree());
    // The install is shared by every run on the page, so no run's signal may cancel it; only the limit can.
    const run = await runProcess(sandbox, 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: '.',
      signal: new AbortController().signal,
      limitMs: options.limitMs ?? 300_000,
    });
    if (run.exitCode !== 0) throw new InstallError(`npm ci failed (exit ${run.exitCode}): ${tail(run.output, 6)}`);
  } catch (error) {
    throw error instanceof InstallError
      ? error
      : new InstallError(error instanceof Error ? error.message : String(error));
  } finally {
    stopCounting();
  }
  tell({ phase: 'installing', progress: 1 });
}

function countProgress(
  sandbox: Sandbox,
  expected: ReadonlySet<string>,
  pollMs: number,
  tell: (status: EngineStatus) => void,
): () => void {
  let last = 0;
  const timer = setInterval(() => {
    sandbox.fs
      .readdir('node_modules')
      .then((names) => {
        const done = names.filter((n) => expected.has(n)).length;
        // Capped below 1: the last folder appears before npm has linked binaries and finished.
        const progress = Math.min(0.99, expected.size === 0 ? 0 : done / expected.size);
        if (progress > last) {
          last = progress;
          tell({ phase: 'installing', progress });
        }
      })
      .catch(() => undefined); // node_modules/ does not exist until npm creates it
  }, pollMs);
  return () => clearInterval(timer);
}

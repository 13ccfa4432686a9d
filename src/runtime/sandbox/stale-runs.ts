import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Runs are named `craftpath-run-<pid>-…` after the process that made them. A process killed mid-run
 * (SIGKILL, a crash) leaves its workspace and cgroups behind; the next process removes those whose
 * maker is gone. A cgroup still holding a task cannot be removed, and is left alone.
 */
export async function removeStaleRuns(parent: string, kind: 'workspace' | 'cgroup'): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(/^craftpath-run-(\d+)-/.exec(name)?.[1]);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) return;
      const path = join(parent, name);
      await (kind === 'cgroup' ? rmdir(path) : rm(path, { recursive: true, force: true })).catch(() => undefined);
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

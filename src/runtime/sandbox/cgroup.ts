import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStaleRuns } from './stale-runs.ts';

/**
 * Per-run cgroups: the kernel's own accounting of memory and processes for everything a run starts,
 * detached children included. Each run gets a child of the cgroup this process is already in, so the run
 * stays inside whatever limits our own caller (a container, a CI job) has set.
 */
export interface CgroupParents {
  version: 1 | 2;
  /** Folder under which a run's memory cgroup is made (v2: the one folder for both controllers). */
  memory: string;
  /** Folder under which a run's pids cgroup is made (v2: same as memory). */
  pids: string;
}

interface Mount {
  dir: string;
  type: string;
  options: string[];
}

/** Where this process's cgroups are, when this user may make children there with both controllers. */
export async function findCgroupParents(): Promise<CgroupParents | undefined> {
  const [mountsText, ownText] = await Promise.all([
    readFile('/proc/self/mounts', 'utf8').catch(() => ''),
    readFile('/proc/self/cgroup', 'utf8').catch(() => ''),
  ]);
  const mounts: Mount[] = mountsText
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 4)
    .map(([, dir = '', type = '', options = '']) => ({ dir, type, options: options.split(',') }));
  const own = new Map<string, string>();
  for (const line of ownText.split('\n')) {
    const [, controllers, path] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
    if (controllers === undefined || path === undefined) continue;
    for (const name of controllers === '' ? ['unified'] : controllers.split(',')) own.set(name, path);
  }
  const v1 = (controller: string): string | undefined => {
    const mount = mounts.find((m) => m.type === 'cgroup' && m.options.includes(controller));
    const path = own.get(controller);
    return mount && path !== undefined ? join(mount.dir, path) : undefined;
  };
  const memory = v1('memory');
  const pids = v1('pids');
  if (
    memory &&
    pids &&
    (await canMakeChild(memory, 'memory.limit_in_bytes')) &&
    (await canMakeChild(pids, 'pids.max'))
  ) {
    await Promise.all([removeStaleRuns(memory, 'cgroup'), removeStaleRuns(pids, 'cgroup')]);
    return { version: 1, memory, pids };
  }
  const unified = mounts.find((m) => m.type === 'cgroup2');
  const path = own.get('unified');
  if (unified && path !== undefined) {
    const dir = join(unified.dir, path);
    if ((await canMakeChild(dir, 'memory.max')) && (await canMakeChild(dir, 'pids.max'))) {
      await removeStaleRuns(dir, 'cgroup');
      return { version: 2, memory: dir, pids: dir };
    }
  }
  return undefined;
}

async function canMakeChild(parent: string, controlFile: string): Promise<boolean> {
  const probe = join(parent, `craftpath-probe-${process.pid}`);
  try {
    await mkdir(probe);
    try {
      await readFile(join(probe, controlFile), 'utf8');
      return true;
    } finally {
      await rmdir(probe).catch(() => undefined);
    }
  } catch {
    return false;
  }
}

let counter = 0;

/** One run's cgroups: made before the run, joined by its first process, read and removed after it. */
export class RunCgroup {
  readonly #parents: CgroupParents;
  readonly #memoryDir: string;
  readonly #pidsDir: string;

  private constructor(parents: CgroupParents, name: string) {
    this.#parents = parents;
    this.#memoryDir = join(parents.memory, name);
    this.#pidsDir = join(parents.pids, name);
  }

  static async create(parents: CgroupParents, memoryBytes: number, processes: number): Promise<RunCgroup> {
    const group = new RunCgroup(parents, `craftpath-run-${process.pid}-${++counter}`);
    const dirs = [...new Set([group.#memoryDir, group.#pidsDir])];
    await Promise.all(dirs.map((dir) => mkdir(dir)));
    if (parents.version === 1) {
      await writeFile(join(group.#memoryDir, 'memory.limit_in_bytes'), String(memoryBytes));
      // With swap accounting on, the same figure for memory plus swap, or the run would swap instead of stop.
      await writeFile(join(group.#memoryDir, 'memory.memsw.limit_in_bytes'), String(memoryBytes)).catch(
        () => undefined,
      );
    } else {
      await writeFile(join(group.#memoryDir, 'memory.max'), String(memoryBytes));
      await writeFile(join(group.#memoryDir, 'memory.swap.max'), '0').catch(() => undefined);
    }
    await writeFile(join(group.#pidsDir, 'pids.max'), String(processes));
    return group;
  }

  /** The cgroup.procs files the run's first process writes its pid to before it starts the command. */
  procsFiles(): string[] {
    return [...new Set([this.#memoryDir, this.#pidsDir])].map((dir) => join(dir, 'cgroup.procs'));
  }

  /** Which of the cgroup's limits the run ran into, memory first (an OOM kill explains the exit). */
  async limitHit(): Promise<'memory' | 'processes' | undefined> {
    const memoryEvents = this.#parents.version === 1 ? 'memory.oom_control' : 'memory.events';
    if ((await counterIn(join(this.#memoryDir, memoryEvents), 'oom_kill')) > 0) return 'memory';
    if ((await counterIn(join(this.#pidsDir, 'pids.events'), 'max')) > 0) return 'processes';
    return undefined;
  }

  /** Kills every process still in the cgroup, then removes it (a cgroup with members cannot go). */
  async killAllAndRemove(): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const pids = await this.#members();
      if (pids.length === 0) break;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const dir of new Set([this.#memoryDir, this.#pidsDir])) await removeWhenEmpty(dir);
  }

  async #members(): Promise<number[]> {
    const lists = await Promise.all(this.procsFiles().map((file) => readFile(file, 'utf8').catch(() => '')));
    return [...new Set(lists.join('\n').split('\n').filter(Boolean).map(Number))];
  }
}

async function counterIn(file: string, key: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const match = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** rmdir fails with EBUSY while the kernel is still reaping the last task; give it a moment. */
async function removeWhenEmpty(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await rmdir(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

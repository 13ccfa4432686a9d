import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { findCgroupParents, type CgroupParents } from './cgroup.ts';

/**
 * What this machine can give a sandboxed run, found by trying each layer once (cached for the process):
 * a tool being installed is not enough, a container may forbid the namespaces it needs.
 */
export interface SandboxHost {
  /** Absolute path of a working `bwrap`: read-only filesystem view plus user, PID and network namespaces. */
  bwrap: string | undefined;
  /** Absolute path of a working `unshare`: user, PID and network namespaces, the whole filesystem visible. */
  unshare: string | undefined;
  /** Absolute path of `prlimit`: CPU time, file size and (for non-root users) process count limits. */
  prlimit: string | undefined;
  /** Where per-run memory and pids cgroups can be made, when they can. */
  cgroup: CgroupParents | undefined;
  /** Root on the host ignores RLIMIT_NPROC, so only a cgroup limits its processes. */
  isRoot: boolean;
}

/** Layers a run can have; `missingLayers` names those this host lacks. */
export type SandboxLayer = 'network' | 'filesystem' | 'processes-killed' | 'memory' | 'processes' | 'cpu';

let cached: Promise<SandboxHost> | undefined;

/** Probes once per process; `CRAFTPATH_SANDBOX_WITHOUT` (comma-separated: bwrap, unshare, prlimit, cgroup) pretends a layer is missing, for tests of the warnings. */
export function probeSandboxHost(): Promise<SandboxHost> {
  cached ??= probe();
  return cached;
}

async function probe(): Promise<SandboxHost> {
  const without = new Set((process.env['CRAFTPATH_SANDBOX_WITHOUT'] ?? '').split(',').map((s) => s.trim()));
  const bwrap = without.has('bwrap')
    ? undefined
    : works('bwrap', [
        '--unshare-all',
        '--unshare-user',
        '--disable-userns',
        '--die-with-parent',
        '--ro-bind',
        '/',
        '/',
        '--proc',
        '/proc',
        '--dev',
        '/dev',
        'true',
      ]);
  const unshare = without.has('unshare')
    ? undefined
    : works('unshare', [
        '--user',
        '--map-root-user',
        '--net',
        '--pid',
        '--fork',
        '--kill-child',
        '--mount-proc',
        'true',
      ]);
  const prlimit = without.has('prlimit') ? undefined : works('prlimit', ['--cpu=5', '--fsize=1048576', 'true']);
  const cgroup = without.has('cgroup') ? undefined : await findCgroupParents();
  return { bwrap, unshare, prlimit, cgroup, isRoot: process.getuid?.() === 0 };
}

/** The tool's absolute path when it runs the probe command and exits 0. */
function works(tool: string, args: readonly string[]): string | undefined {
  const path = which(tool);
  if (path === undefined) return undefined;
  const run = spawnSync(path, args, { stdio: 'ignore', timeout: 5_000 });
  return run.status === 0 ? path : undefined;
}

function which(tool: string): string | undefined {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin']) {
    const path = `${dir}/${tool}`;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not in this folder; try the next.
    }
  }
  return undefined;
}

/** One sentence per layer this host cannot give, in the words the CLI prints before an untrusted run. */
export function missingLayers(host: SandboxHost): { layer: SandboxLayer; why: string }[] {
  const missing: { layer: SandboxLayer; why: string }[] = [];
  const namespaces = host.bwrap ?? host.unshare;
  if (namespaces === undefined) {
    missing.push({
      layer: 'network',
      why: 'no network namespace (neither bwrap nor unshare can create one here): the code can reach the network',
    });
    missing.push({
      layer: 'processes-killed',
      why: 'no PID namespace: a detached process the code starts can outlive the run',
    });
  }
  if (host.bwrap === undefined)
    missing.push({
      layer: 'filesystem',
      why: 'no bubblewrap: the code can read every file this user can (other exercises, the project, ~/.ssh) and write outside its folder',
    });
  if (host.cgroup === undefined)
    missing.push({
      layer: 'memory',
      why: 'no writable cgroup: memory is limited only for the V8 heap, not for buffers or child processes',
    });
  if (host.cgroup === undefined && (host.isRoot || host.prlimit === undefined))
    missing.push({
      layer: 'processes',
      why: 'no writable cgroup and no usable RLIMIT_NPROC: the number of processes is not limited',
    });
  if (host.prlimit === undefined)
    missing.push({ layer: 'cpu', why: 'no prlimit: CPU time is limited only by the wall-clock limit' });
  return missing;
}

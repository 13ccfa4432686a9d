import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import type { SandboxHost } from './host-layers.ts';
import type { SandboxLimits } from './limits.ts';
import { INSIDE_NODE_BIN, type SandboxWorkspace } from './workspace.ts';

/** The program `sh` runs first: join the run's cgroups, then become the sandbox (exit 125: could not join). */
const JOIN_CGROUPS = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"';

export interface CommandLineInput {
  host: SandboxHost;
  workspace: SandboxWorkspace;
  limits: SandboxLimits;
  /** cgroup.procs files to join before anything else starts (empty without cgroups). */
  cgroupProcs: readonly string[];
  /** Program as the sandbox sees it: `node` is the Node running this process. */
  command: string;
  args: readonly string[];
  /** Folder the command starts in, relative to the workspace. */
  cwd: string;
  /** Node's compile cache to mount (see CompileCache); none when undefined. */
  compileCache?: CompileCache | undefined;
}

/**
 * A V8 compile cache shared by runs, so each ESLint start does not recompile ESLint (measured: about a
 * third of a small lint run). Learner code could plant compiled code in it for later runs, so it is
 * writable only for warm-up runs on trusted input and read-only for everything else.
 */
export interface CompileCache {
  /** Folder on this machine holding the cache. */
  hostDir: string;
  /** True only for a warm-up run on trusted input. */
  writable: boolean;
}

/** Where the compile cache appears inside bubblewrap's view. */
export const INSIDE_COMPILE_CACHE = '/compile-cache';

/**
 * The full argv of a sandboxed run, outermost layer first: sh (cgroups) → prlimit (CPU, file size,
 * processes) → bwrap or unshare (namespaces, filesystem view) → the command. Pure, so the layering is
 * tested without starting anything.
 */
export function sandboxCommandLine(input: CommandLineInput): string[] {
  const { host, workspace, limits } = input;
  const argv: string[] = [];
  if (input.cgroupProcs.length > 0)
    argv.push('/bin/sh', '-c', JOIN_CGROUPS, 'craftpath-sandbox', ...input.cgroupProcs, '--');
  if (host.prlimit) {
    argv.push(
      host.prlimit,
      // SIGXCPU at the soft limit; SIGKILL a second later for code that catches SIGXCPU.
      `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
      `--fsize=${limits.fileBytes}`,
      // Root ignores RLIMIT_NPROC; for other users it counts per user namespace, i.e. this run only.
      ...(host.isRoot ? [] : [`--nproc=${limits.processes}`]),
      '--',
    );
  }
  const cwd = workspace.inside(input.cwd);
  if (host.bwrap) {
    argv.push(
      host.bwrap,
      ...bwrapView(workspace, input.compileCache),
      '--chdir',
      cwd,
      '--',
      programInside(input.command),
      ...input.args,
    );
  } else if (host.unshare) {
    argv.push(host.unshare, '--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child', '--mount-proc');
    argv.push(`--wd=${cwd}`, '--', programOnHost(input.command), ...input.args);
  } else {
    argv.push(programOnHost(input.command), ...input.args);
  }
  return argv;
}

/**
 * bubblewrap's view: system libraries read-only, an /etc holding only the loader cache (no passwd, no
 * hosts), fresh /proc and /dev, the tools read-only, the workspace the only writable place. No /home, no
 * /tmp, no project: the hidden tests and the other exercises are not in this view at all.
 */
function bwrapView(workspace: SandboxWorkspace, compileCache: CompileCache | undefined): string[] {
  const args = [
    '--unshare-all',
    '--unshare-user',
    // No nested user namespace: learner code cannot regain capabilities inside the sandbox.
    '--disable-userns',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--cap-drop',
    'ALL',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'craftpath-sandbox',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  // Merged-/usr hosts (Debian 12) have /lib and /bin as symlinks into /usr; older ones have folders.
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(top)) continue;
    const stat = lstatSync(top);
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else args.push('--ro-bind', top, top);
  }
  args.push('--dir', '/etc');
  if (existsSync('/etc/ld.so.cache')) args.push('--ro-bind', '/etc/ld.so.cache', '/etc/ld.so.cache');
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--ro-bind', process.execPath, `${INSIDE_NODE_BIN}/node`);
  args.push('--ro-bind', workspace.hostNodeModules, workspace.nodeModules);
  args.push('--bind', workspace.hostDir, workspace.dir);
  if (compileCache)
    args.push(compileCache.writable ? '--bind' : '--ro-bind', compileCache.hostDir, INSIDE_COMPILE_CACHE);
  // bubblewrap's root is a writable tmpfs; read-only, so the workspace is the one place a write lands.
  args.push('--remount-ro', '/');
  return args;
}

function programInside(command: string): string {
  return command === 'node' ? `${INSIDE_NODE_BIN}/node` : command;
}

function programOnHost(command: string): string {
  return command === 'node' ? process.execPath : command;
}

/** The environment a run gets: nothing inherited, only what Node and the tools need. */
export function sandboxEnv(
  workspace: SandboxWorkspace,
  extra: Readonly<Record<string, string>>,
  compileCache?: CompileCache,
): Record<string, string> {
  const nodeBin = workspace.isolated ? INSIDE_NODE_BIN : dirnameOf(process.execPath);
  const cache = compileCache && {
    NODE_COMPILE_CACHE: workspace.isolated ? INSIDE_COMPILE_CACHE : compileCache.hostDir,
  };
  return {
    ...cache,
    PATH: `${nodeBin}:/usr/bin:/bin`,
    HOME: workspace.dir,
    TMPDIR: workspace.inside('.tmp'),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

function dirnameOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

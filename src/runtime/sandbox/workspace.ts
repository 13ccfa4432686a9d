import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxHost } from './host-layers.ts';
import { removeStaleRuns } from './stale-runs.ts';

const swept = new Map<string, Promise<void>>();

/** Leftovers of killed processes go once per folder and process, not on every run. */
function sweepOnce(parent: string): Promise<void> {
  let sweep = swept.get(parent);
  if (!sweep) {
    sweep = removeStaleRuns(parent, 'workspace');
    swept.set(parent, sweep);
  }
  return sweep;
}

/** Where the run's folder and the tools appear inside bubblewrap's view; fixed so reports never show host paths. */
export const INSIDE_WORKSPACE = '/workspace';
export const INSIDE_NODE_MODULES = '/node_modules';
export const INSIDE_NODE_BIN = '/opt/node/bin';

/**
 * A run's folder, outside the project (os.tmpdir()/craftpath-run-<pid>-XXXXXX) so nothing a run writes can land in
 * the checkout, with the tools' node_modules reachable from it: bind-mounted read-only under bubblewrap,
 * a symlink otherwise (Node's upward lookup finds it either way).
 */
export class SandboxWorkspace {
  /** The folder on this machine; the caller writes the run's files here. */
  readonly hostDir: string;
  /** The same folder as the sandboxed command sees it. */
  readonly dir: string;
  /** The node_modules holding the tools, as the sandboxed command sees it. */
  readonly nodeModules: string;
  /** The host's node_modules the tools come from. */
  readonly hostNodeModules: string;
  /** True when the command runs under bubblewrap, with the fixed inside paths above. */
  readonly isolated: boolean;

  private constructor(hostDir: string, hostNodeModules: string, isolated: boolean) {
    this.hostDir = hostDir;
    this.hostNodeModules = hostNodeModules;
    this.isolated = isolated;
    this.dir = isolated ? INSIDE_WORKSPACE : hostDir;
    this.nodeModules = isolated ? INSIDE_NODE_MODULES : join(hostDir, 'node_modules');
  }

  static async create(host: SandboxHost, hostNodeModules: string, parent = tmpdir()): Promise<SandboxWorkspace> {
    await mkdir(parent, { recursive: true });
    await sweepOnce(parent);
    const hostDir = await mkdtemp(join(parent, `craftpath-run-${process.pid}-`));
    const workspace = new SandboxWorkspace(hostDir, hostNodeModules, host.bwrap !== undefined);
    // Tools write caches and temporary files; TMPDIR points here so nothing needs a writable /tmp.
    await mkdir(join(hostDir, '.tmp'));
    if (!workspace.isolated) await symlink(hostNodeModules, join(hostDir, 'node_modules'), 'dir');
    return workspace;
  }

  /** A path inside the workspace as the sandboxed command sees it. */
  inside(relative: string): string {
    return join(this.dir, relative);
  }

  /** A path inside the workspace on this machine. */
  onHost(relative: string): string {
    return join(this.hostDir, relative);
  }

  async remove(): Promise<void> {
    await rm(this.hostDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

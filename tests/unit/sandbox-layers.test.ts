import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingLayers, probeSandboxHost, type SandboxHost } from '../../src/runtime/sandbox/host-layers.ts';
import { runSandboxed } from '../../src/runtime/sandbox/run-sandboxed.ts';
import { SandboxWorkspace } from '../../src/runtime/sandbox/workspace.ts';
import { sandboxCommandLine } from '../../src/runtime/sandbox/command-line.ts';
import { DEFAULT_LIMITS } from '../../src/runtime/sandbox/limits.ts';
import { removeStaleRuns } from '../../src/runtime/sandbox/stale-runs.ts';

/** The sandbox module on its own: each host layer, and the weaker fallback a host without bwrap gets. */
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

let host: SandboxHost;
let server: Server;
let url = '';
beforeAll(async () => {
  host = await probeSandboxHost();
  server = createServer((_, response) => response.end('reached'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function inWorkspace<T>(on: SandboxHost, work: (workspace: SandboxWorkspace) => Promise<T>): Promise<T> {
  const workspace = await SandboxWorkspace.create(on, NODE_MODULES);
  try {
    return await work(workspace);
  } finally {
    await workspace.remove();
  }
}

function node(on: SandboxHost, workspace: SandboxWorkspace, source: string, limits = {}) {
  return runSandboxed({ host: on, workspace, command: 'node', args: ['--input-type=module', '-e', source], limits });
}

const FETCH = (target: string): string =>
  `console.log(await fetch(${JSON.stringify(target)}).then((r) => r.text(), (e) => 'failed ' + (e.cause?.code ?? e.message)))`;

describe('this machine', () => {
  it('gives every layer, so the Node engine runs fully sandboxed here and in CI', () => {
    expect(missingLayers(host)).toEqual([]);
  });
});

describe('the full sandbox (bubblewrap)', () => {
  it('shows the run only the workspace, the tools and system libraries, under fixed paths', async () => {
    const run = await inWorkspace(host, (workspace) =>
      node(
        host,
        workspace,
        `import { readdirSync } from 'node:fs'; console.log(process.cwd(), readdirSync('/').sort().join(' '))`,
      ),
    );
    const [cwd, ...top] = run.stdout.trim().split(' ');
    expect(cwd).toBe('/workspace');
    expect(top).toEqual(expect.arrayContaining(['workspace', 'node_modules', 'usr', 'etc', 'proc']));
    // Nothing of the machine's own: no home folders, no /tmp, no checkout (/work here), no /root.
    expect(top.filter((name) => ['home', 'tmp', 'root', 'work', 'var', 'srv', 'mnt'].includes(name))).toEqual([]);
    expect(run.limit).toBeUndefined();
  });

  it('kills the run when cancelled, and rejects with the reason', async () => {
    const controller = new AbortController();
    await inWorkspace(host, async (workspace) => {
      const running = runSandboxed({
        host,
        workspace,
        command: 'node',
        args: ['-e', 'setInterval(() => {}, 1000)'],
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error('learner pressed Stop')), 300);
      await expect(running).rejects.toThrow('learner pressed Stop');
    });
  });

  it('keeps at most the output limit and says so', async () => {
    const run = await inWorkspace(host, (workspace) =>
      node(host, workspace, `for (;;) process.stdout.write('y'.repeat(65536))`, { outputBytes: 100_000 }),
    );
    expect(run.limit).toBe('output');
    expect(run.stdout.length).toBeLessThanOrEqual(100_000);
  });
});

describe('the fallback without bubblewrap (unshare only)', () => {
  const reduced = (): SandboxHost => ({ ...host, bwrap: undefined });

  it('still has no network and kills detached children, and says the filesystem is open', async () => {
    const on = reduced();
    expect(missingLayers(on).map((m) => m.layer)).toEqual(['filesystem']);
    const seconds = `${400 + (process.pid % 1000)}.4242`;
    const sleeping = (): string[] =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(`sleep ${seconds}`));
    let seen = false;
    const poll = setInterval(() => (seen ||= sleeping().length > 0), 50);
    const run = await inWorkspace(on, (workspace) =>
      node(
        on,
        workspace,
        `import { spawn } from 'node:child_process';
         spawn('sleep', ['${seconds}'], { detached: true, stdio: 'ignore' }).unref();
         ${FETCH(url)};
         await new Promise((resolve) => setTimeout(resolve, 600));`,
      ),
    ).finally(() => clearInterval(poll));
    expect(run.stdout).toMatch(/failed (ECONNREFUSED|ENETUNREACH)/);
    expect(seen).toBe(true);
    expect(sleeping()).toEqual([]);
  });

  it('reaches the tools through a node_modules link in the workspace', async () => {
    const on = reduced();
    const run = await inWorkspace(on, (workspace) => node(on, workspace, `console.log(import.meta.resolve('vitest'))`));
    expect(run.stdout).toContain('/node_modules/vitest/');
  });
});

describe('leftovers of a killed run', () => {
  it('are removed by the next process; those of a live process stay', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'craftpath-test-stale-'));
    try {
      // Above the kernel's largest pid (2^22), so no process has it.
      const dead = join(parent, 'craftpath-run-4194305-abc');
      const live = join(parent, `craftpath-run-${process.ppid}-abc`);
      await mkdir(join(dead, 'w0'), { recursive: true });
      await mkdir(live);
      await removeStaleRuns(parent, 'workspace');
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('a host with no layers at all', () => {
  it('is told about each missing one', () => {
    const bare: SandboxHost = {
      bwrap: undefined,
      unshare: undefined,
      prlimit: undefined,
      cgroup: undefined,
      isRoot: true,
    };
    expect(missingLayers(bare).map((m) => m.layer)).toEqual([
      'network',
      'processes-killed',
      'filesystem',
      'memory',
      'processes',
      'cpu',
    ]);
  });
});

describe('sandboxCommandLine', () => {
  it('layers cgroups, then rlimits, then namespaces, then the command', async () => {
    await inWorkspace(host, async (workspace) => {
      const argv = sandboxCommandLine({
        host,
        workspace,
        limits: DEFAULT_LIMITS,
        cgroupProcs: ['/sys/fs/cgroup/pids/run/cgroup.procs'],
        command: 'node',
        args: ['x.js'],
        cwd: 'w0',
      });
      const at = (item: string): number => argv.findIndex((a) => a === item || a.endsWith(`/${item}`));
      expect(argv[0]).toBe('/bin/sh');
      expect(at('prlimit')).toBeGreaterThan(at('/sys/fs/cgroup/pids/run/cgroup.procs'));
      expect(at('bwrap')).toBeGreaterThan(at('prlimit'));
      expect(argv.slice(-2)).toEqual(['/opt/node/bin/node', 'x.js']);
      expect(argv).toContain(join('/workspace', 'w0'));
      expect(argv.join(' ')).toContain(`--cpu=${DEFAULT_LIMITS.cpuSeconds}:${DEFAULT_LIMITS.cpuSeconds + 1}`);
    });
  });
});

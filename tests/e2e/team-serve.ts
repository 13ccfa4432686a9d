import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../unit/server/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A real `npm run serve` on a fresh data directory, serving a site built for a team server
 * (CRAFTPATH_TEAM_MODE=1; CRAFTPATH_TEAM_DIST reuses such a build). `base()` is its origin once started.
 */
export function useTeamServe(): { base: () => string } {
  let server: ChildProcess | undefined;
  let base = '';
  let dataDir = '';
  let distDir = '';
  let builtHere = false;
  let output = '';
  beforeAll(async () => {
    distDir = process.env['CRAFTPATH_TEAM_DIST'] ?? '';
    if (!distDir) {
      distDir = mkdtempSync(join(tmpdir(), 'craftpath-team-dist-'));
      builtHere = true;
      const build = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', distDir], {
        cwd: ROOT,
        env: { ...process.env, CRAFTPATH_TEAM_MODE: '1' },
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`team-mode build failed:\n${build.stdout}\n${build.stderr}`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'craftpath-serve-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('npm', ['run', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        CRAFTPATH_ORIGIN: base,
        CRAFTPATH_DATA_DIR: dataDir,
        CRAFTPATH_DIST: distDir,
        CRAFTPATH_SKIP_BUILD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`npm run serve exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm run serve did not answer:\n${output}`);
      const up = await fetch(`${base}/api/session`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 300_000);
  afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    if (builtHere) rmSync(distDir, { recursive: true, force: true });
  });
  return { base: () => base };
}

/** A JSON call as the page's own user (its cookies, this site's Origin), failing on any refusal. */
export async function api<T = Record<string, unknown>>(
  page: Page,
  base: string,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`${base}${path}`, {
    method,
    headers: { origin: base },
    ...(data === undefined ? {} : { data }),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

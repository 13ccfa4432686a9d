import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../unit/server/server-process.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TeamServe {
  base: string;
  stop(): void;
}

/**
 * `npm run serve` on a fresh data directory (so a fresh embedded database) and a free port, serving
 * `distDir` as built (no rebuild), with its in-process grader. Resolves once /api/session answers.
 */
export async function startTeamServe(distDir: string): Promise<TeamServe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'craftpath-team-serve-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn('npm', ['run', 'serve'], {
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
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm run serve exited:\n${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`npm run serve did not answer:\n${output}`);
    }
    const ok = await fetch(`${base}/api/session`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A real `npm run serve` for one test file, on the site built for a team server (CRAFTPATH_TEAM_MODE=1).
 * `npm test` builds that site once and passes it as CRAFTPATH_TEAM_DIST; a file run on its own builds one.
 */
export function useTeamServer(): { base(): string; distDir(): string } {
  let serve: TeamServe | undefined;
  let distDir = '';
  let builtHere = false;

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
    serve = await startTeamServe(distDir);
  }, 300_000);

  afterAll(() => {
    serve?.stop();
    if (builtHere) rmSync(distDir, { recursive: true, force: true });
  });

  return { base: () => serve?.base ?? '', distDir: () => distDir };
}

/** A call to the team server with the page's cookies, as the site's own scripts make it; T: the body's shape. */
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

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stop, waitForServer } from './preview-server.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far (Vite says here when it re-optimises and reloads). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `astro dev`, what `npm start` runs, on a free port (--ignore-lock: beside a dev server the developer may
 * have running). Vite's dependency cache goes to a fresh folder
 * (CRAFTPATH_VITE_CACHE_DIR, read by astro.config.mjs), so the first visit is a real first visit: the
 * case where late-discovered dependencies used to re-optimise and reload the page.
 */
export async function startDevServer(): Promise<DevServer> {
  const port = await freePort();
  const cacheDir = await mkdtemp(join(tmpdir(), 'craftpath-vite-'));
  const server = spawn('astro', ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...devEnvironment(), CRAFTPATH_VITE_CACHE_DIR: cacheDir },
  });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, server, 'astro dev');
  return {
    url,
    output: () => output,
    stop: async () => {
      stop(server);
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment `npm start` would see: without the test runner's VITEST* variables and NODE_ENV=test,
 * under which Astro's dev server behaves as inside a test (its pages answer 404).
 */
function devEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'development' };
}

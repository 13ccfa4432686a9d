import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { freePort, stop, waitForServer } from './preview-server.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far (Vite says here when it re-optimises and reloads). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `astro dev`, what `npm start` runs, on a free port (--ignore-lock: beside a dev server the developer may
 * have running), started as a learner finds it: with Vite's optimised dependencies (node_modules/.vite/deps,
 * a cache Vite rebuilds at every start that lacks it) deleted, so the first visit is a real first visit,
 * the case where late-discovered dependencies used to re-optimise and reload the page.
 *
 * Started twice on the same port, the cache deleted before each: Astro clears and reloads its content
 * store, and reloads every open page, when its config differs from the last start's, and the port is part
 * of that config. A learner's `npm start` has the same port every time; the second start gives the test
 * that state.
 */
export async function startDevServer(): Promise<DevServer> {
  const port = await freePort();
  const settling = await startOnce(port);
  await settling.stop();
  return startOnce(port);
}

async function startOnce(port: number): Promise<DevServer> {
  await rm('node_modules/.vite/deps', { recursive: true, force: true });
  const server = spawn('astro', ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: devEnvironment(),
  });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, server, 'astro dev');
  await optimised();
  return {
    url,
    output: () => output,
    stop: async () => {
      stop(server);
      await exited;
    },
  };
}

/**
 * Vite optimises the declared dependencies just after it starts listening, and reloads a page that
 * connected before it finished: a reload a second into the first page load, before anything can be
 * typed. The test starts where a learner does, on a server that has settled; a dependency found later
 * (the first exercise visit) still re-optimises and reloads, and fails the journey.
 */
async function optimised(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!existsSync('node_modules/.vite/deps/_metadata.json')) {
    if (Date.now() > deadline) throw new Error('Vite did not finish optimising dependencies within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The environment `npm start` would see: without the test runner's VITEST* variables and NODE_ENV=test,
 * under which Astro's dev server behaves as inside a test (its pages answer 404).
 */
function devEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'development' };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface PreviewServer {
  url: string;
  stop(): void;
}

/**
 * Serves the production build with `astro preview`, the server users get from `npm run preview`, so tests
 * and the benchmark see the same HTML, headers and bundles as a deploy.
 */
export async function startPreview(): Promise<PreviewServer> {
  if (!existsSync('dist/index.html')) {
    throw new Error('No production build in dist/. Run `npm run build` first (`npm test` and `npm run bench` do).');
  }
  const port = await freePort();
  // --ignore-lock: our own server on our own port, alongside a preview the developer may have running.
  const server = spawn('astro', ['preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, server);
  return { url, stop: () => stop(server) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitForServer(url: string, server: ChildProcess, name = 'astro preview'): Promise<void> {
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop(server);
  throw new Error(`${name} did not answer at ${url} within 30 s:\n${output}`);
}

export function stop(server: ChildProcess): void {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

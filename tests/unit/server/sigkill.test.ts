import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { exited, freePort, startServerProcess } from './server-process.ts';

/**
 * SIGKILL the real server process while requests are writing, start it again on the same database:
 * every write the server answered 201 to is there. (A write that was in flight may or may not be; one
 * that was acknowledged must be.)
 */
const targets: { name: string; env(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    async env() {
      const dir = mkdtempSync(join(tmpdir(), 'craftpath-kill-'));
      return { env: { CRAFTPATH_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(process.env['TEST_DATABASE_URL']
    ? [
        {
          name: 'postgres',
          async env() {
            const url = process.env['TEST_DATABASE_URL'] ?? '';
            const schema = `kill_${process.pid}_${Date.now()}`;
            const run = async (sql: string) => {
              const client = new pg.Client({ connectionString: url });
              await client.connect();
              await client.query(sql);
              await client.end();
            };
            await run(`create schema ${schema}`);
            const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
            return { env: { DATABASE_URL: withSchema }, dispose: () => run(`drop schema ${schema} cascade`) };
          },
        },
      ]
    : []),
];

describe.each(targets)('SIGKILL mid-writes on $name', (target) => {
  it('loses no acknowledged write, and the restarted server serves them', async () => {
    const { env, dispose } = await target.env();
    const port = await freePort();
    let server = await startServerProcess(env, port);
    try {
      const post = (path: string, body: unknown, cookie = '') =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, cookie },
          body: JSON.stringify(body),
        });
      const signUp = await post('/api/accounts', {
        name: 'Owner',
        email: 'owner@example.com',
        password: 'correct horse battery',
      });
      expect(signUp.status).toBe(201);
      const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

      const acknowledged: string[] = [];
      let killed = false;
      const writer = async (lane: number) => {
        for (let i = 0; !killed; i++) {
          const name = `cohort ${lane}-${i}`;
          try {
            const res = await post('/api/cohorts', { name }, cookie);
            if (res.status === 201) acknowledged.push(name);
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(lanes);
      await exited(server.child);
      expect(server.child.signalCode).toBe('SIGKILL');

      server = await startServerProcess(env, port);
      const list = await fetch(`${server.url}/api/cohorts`, { headers: { cookie } });
      expect(list.status).toBe(200);
      const names = new Set(((await list.json()) as { cohorts: { name: string }[] }).cohorts.map((c) => c.name));
      const lost = acknowledged.filter((name) => !names.has(name));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    } finally {
      server.child.kill('SIGKILL');
      await exited(server.child);
      await dispose();
    }
  });
});

// `npm run bench:server`: N simulated learners sign in and sync progress against the real server process
// (src/server/main.ts), on the embedded database and on PostgreSQL, and print requests per second and
// p50/p99 latency per route. A benchmark, not a test: it prints figures and passes no judgment.
//   BENCH_LEARNERS (default 40), BENCH_ROUNDS (sync rounds per learner, default 5),
//   BENCH_DATABASE_URL (default TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { exited, freePort, startServerProcess } from '../tests/unit/server/server-process.ts';

const LEARNERS = Number(process.env['BENCH_LEARNERS'] ?? 40);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const PG_URL =
  process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'correct horse battery';

type Timings = Map<string, number[]>;

async function run(label: string, env: Record<string, string>): Promise<void> {
  const port = await freePort();
  // Every learner is its own client address behind a trusted proxy, as behind a load balancer.
  const server = await startServerProcess({ ...env, CRAFTPATH_TRUST_PROXY: '1' }, port);
  const timings: Timings = new Map();
  const request = async (
    route: string,
    path: string,
    init: { method?: string; body?: unknown; cookie?: string; ip: string },
  ) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }),
        ...(init.method && init.method !== 'GET' ? { origin: server.url } : {}),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        'x-forwarded-for': init.ip,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    const list = timings.get(route) ?? [];
    list.push(performance.now() - started);
    timings.set(route, list);
    if (!res.ok) throw new Error(`${route}: HTTP ${res.status} ${text}`);
    return { headers: res.headers, json: () => JSON.parse(text) as unknown };
  };
  const cookieOf = (res: { headers: Headers }) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  try {
    const owner = cookieOf(
      await request('setup', '/api/accounts', {
        method: 'POST',
        body: { name: 'Owner', email: 'owner@bench.test', password: PASSWORD },
        ip: '10.0.0.1',
      }),
    );
    const cohort = (
      await request('setup', '/api/cohorts', { method: 'POST', body: { name: 'Bench' }, cookie: owner, ip: '10.0.0.1' })
    ).json() as { id: string };
    const invite = (
      await request('setup', `/api/cohorts/${cohort.id}/invitations`, {
        method: 'POST',
        body: { role: 'learner', expiresInDays: 1, maxUses: LEARNERS },
        cookie: owner,
        ip: '10.0.0.1',
      })
    ).json() as { url: string };
    const token = invite.url.split('#')[1];
    const learners = Array.from({ length: LEARNERS }, (_, i) => ({
      email: `l${i}@bench.test`,
      ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    }));
    for (const l of learners) {
      await request('POST /api/accounts', '/api/accounts', {
        method: 'POST',
        body: { name: l.email, email: l.email, password: PASSWORD, invitation: token },
        ip: l.ip,
      });
    }
    timings.delete('setup');

    const started = performance.now();
    await Promise.all(
      learners.map(async (l, i) => {
        const cookie = cookieOf(
          await request('POST /api/auth/sign-in/email', '/api/auth/sign-in/email', {
            method: 'POST',
            body: { email: l.email, password: PASSWORD },
            ip: l.ip,
          }),
        );
        await request('GET /api/session', '/api/session', { cookie, ip: l.ip });
        const exercises: Record<string, object> = {};
        const work: Record<string, object> = {};
        for (let round = 0; round < ROUNDS; round++) {
          const at = new Date(Date.UTC(2026, 10, 1, 10, round, i % 60)).toISOString();
          const slug = `exercise-${round}`;
          exercises[slug] = {
            status: round % 2 ? 'passed' : 'in-progress',
            attempts: round + 1,
            lastAttemptAt: at,
            ...(round % 2 ? { passedAt: at } : {}),
          };
          work[slug] = {
            version: 1,
            exercise: slug,
            files: { 'src/index.ts': `export const answer = ${round};\n`.repeat(20) },
            updatedAt: at,
          };
          await request('POST /api/sync', '/api/sync', {
            method: 'POST',
            body: { progress: { version: 1, exercises }, work },
            cookie,
            ip: l.ip,
          });
        }
        await request('GET /api/sync', '/api/sync', { cookie, ip: l.ip });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    print(label, timings, seconds);
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

function print(label: string, timings: Timings, seconds: number): void {
  const pct = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  console.log(
    `\n${label}: ${LEARNERS} learners, ${ROUNDS} sync rounds each, ${seconds.toFixed(1)} s for the concurrent phase`,
  );
  console.log('route                          requests   req/s     p50 ms    p99 ms');
  for (const [route, list] of timings) {
    const sorted = [...list].sort((a, b) => a - b);
    // Sign-up ran one at a time before the concurrent phase; its rate is per its own total time.
    const rate =
      route === 'POST /api/accounts' ? list.length / (list.reduce((a, b) => a + b, 0) / 1000) : list.length / seconds;
    console.log(
      `${route.padEnd(30)} ${String(list.length).padStart(8)} ${rate.toFixed(1).padStart(7)} ${pct(sorted, 50).toFixed(1).padStart(10)} ${pct(sorted, 99).toFixed(1).padStart(9)}`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'craftpath-bench-'));
try {
  await run('node:sqlite', { CRAFTPATH_DATA_DIR: dir });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const schema = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
} catch (error) {
  console.log(
    `\nPostgreSQL: not measured, nothing answered at ${PG_URL} (${error instanceof Error ? error.message : String(error)}).`,
  );
  process.exit(0);
}
await admin.query(`create schema ${schema}`);
try {
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  await run('PostgreSQL', { DATABASE_URL: url });
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}

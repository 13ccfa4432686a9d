// The grading half of `npm run bench:server`: figures, no judgment.
//  1. Server grading time per exercise (Node engine in the sandbox, the reference solution), p50/p95,
//     next to the worker engine's time for the same files.
//  2. A burst: BENCH_BURST submissions (default 200) from BENCH_BURST_LEARNERS learners (default 50) queued
//     at once, drained by two graders (one grading at a time each) on the embedded database and on
//     PostgreSQL: time to drain, submissions graded per minute, lost (no report), graded twice, and the
//     verdict mismatches against the browser reports that came with them.
//   BENCH_GRADING_EXERCISES (comma list, default all), BENCH_GRADING_RUNS (default 3),
//   BENCH_DATABASE_URL (default TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { NodeToolchain } from '../src/runtime/engines/node/node-toolchain.ts';
import { WorkerToolchain } from '../src/runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../src/runtime/engines/node/node-type-kit.ts';
import { solutionFiles, type ExerciseBundle } from '../src/runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../src/runtime/exercise/fixture-edits.ts';
import { listExerciseSlugs, loadExercise } from '../src/runtime/exercise/load-from-disk.ts';
import { runChecks } from '../src/runtime/grading/run-checks.ts';
import type { CheckReport } from '../src/runtime/report/check-report.ts';
import { newId } from '../src/server/auth/tokens.ts';
import { ExerciseCatalog } from '../src/server/grading/exercise-catalog.ts';
import { Grader } from '../src/server/grading/grader.ts';
import { enqueue } from '../src/server/grading/queue.ts';
import { openStore, type StoreTarget } from '../src/server/store/database.ts';

const RUNS = Number(process.env['BENCH_GRADING_RUNS'] ?? 3);
const BURST = Number(process.env['BENCH_BURST'] ?? 200);
const LEARNERS = Number(process.env['BENCH_BURST_LEARNERS'] ?? 50);
const PG_URL =
  process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(7);

async function times(work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    out.push(performance.now() - started);
  }
  return out.sort((a, b) => a - b);
}

async function perExercise(): Promise<void> {
  const wanted = process.env['BENCH_GRADING_EXERCISES']?.split(',').filter(Boolean);
  const slugs = wanted ?? (await listExerciseSlugs('exercises'));
  const node = new NodeToolchain();
  const worker = new WorkerToolchain(loadNodeTypeKit);
  console.log(`\nServer grading per exercise (reference solution, ${RUNS} runs, seconds; one grading at a time)`);
  console.log(
    `${'exercise'.padEnd(30)} ${'node p50'.padStart(8)} ${'node p95'.padStart(8)} ${'worker p50'.padStart(10)}`,
  );
  const medians: number[] = [];
  for (const slug of slugs) {
    const loaded = await loadExercise('exercises', slug).catch((error: unknown) => error);
    if (loaded instanceof Error) {
      console.log(`${slug.padEnd(30)} skipped: ${loaded.message.split('\n')[0]}`);
      continue;
    }
    const { bundle } = loaded as { bundle: ExerciseBundle };
    const files = solutionFiles(bundle);
    // The first run warms the compile cache (once per process); it is not counted.
    await runChecks(bundle, files, node);
    const server = await times(() => runChecks(bundle, files, node));
    const browser = await times(() => runChecks(bundle, files, worker));
    medians.push(pct(server, 50));
    console.log(
      `${slug.padEnd(30)} ${seconds(pct(server, 50))}  ${seconds(pct(server, 95))}    ${seconds(pct(browser, 50))}`,
    );
  }
  medians.sort((a, b) => a - b);
  const under = medians.filter((m) => m < 5000).length;
  console.log(`exercises with a server p50 under 5 s: ${under} of ${medians.length}`);
}

/** 200 submissions of lint-gate from 50 learners, half correct and half wrong, each with a browser report. */
async function burst(label: string, target: StoreTarget): Promise<void> {
  const store = await openStore(target);
  const catalog = new ExerciseCatalog();
  const { bundle, contentHash } = await catalog.load('lint-gate');
  const pick = (files: Record<string, string>) => ({
    'eslint.config.js': files['eslint.config.js'] ?? '',
    'src/checkout.ts': files['src/checkout.ts'] ?? '',
  });
  const variants = [
    pick(solutionFiles(bundle)),
    pick(wrongSolutionFiles(bundle, wrongSolution(bundle, 'formatting-only'))),
  ];
  const worker = new WorkerToolchain(loadNodeTypeKit);
  const browserReports: CheckReport[] = [];
  for (const files of variants) browserReports.push(await runChecks(bundle, files, worker));
  const now = new Date().toISOString();
  const cohort = newId();
  const assignment = newId();
  await store.db
    .insertInto('cohort')
    .values({
      id: cohort,
      organisation_id: 'team',
      name: 'bench',
      auto_join_domain: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const learners = Array.from({ length: LEARNERS }, () => newId());
  for (const [i, id] of learners.entries()) {
    await store.db
      .insertInto('user')
      .values({
        id,
        name: `learner ${i}`,
        email: `l${i}-${id}@bench.test`,
        emailVerified: store.kind === 'postgres' ? false : 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  await store.db
    .insertInto('assignment')
    .values({
      id: assignment,
      cohort_id: cohort,
      title: 'bench',
      mode: 'assessed',
      opens_at: now,
      due_at: now,
      cutoff_at: null,
      note: '',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const submissions: string[] = [];
  for (let i = 0; i < BURST; i++) {
    const id = newId();
    const variant = i % 2;
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('submission')
        .values({
          id,
          assignment_id: assignment,
          user_id: learners[i % LEARNERS] ?? '',
          exercise: 'lint-gate',
          revision: Math.floor(i / LEARNERS) + 1,
          files: JSON.stringify(variants[variant]),
          browser_report: JSON.stringify(browserReports[variant]),
          content_hash: contentHash,
          engine_versions: '{"engine":"worker"}',
          submitted_at: now,
          late: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await enqueue(trx, id, contentHash);
    });
    submissions.push(id);
  }
  const gradedBy = new Map<string, number>();
  const durations: number[] = [];
  const graders = [0, 1].map(
    () =>
      new Grader({
        store,
        catalog,
        concurrency: 1,
        idleMs: 200,
        onGraded: (e) => {
          gradedBy.set(e.submissionId, (gradedBy.get(e.submissionId) ?? 0) + 1);
          durations.push(e.ms);
        },
      }),
  );
  const started = performance.now();
  for (const grader of graders) await grader.start();
  for (;;) {
    const open = await store.db
      .selectFrom('grading_job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (Number(open?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainMs = performance.now() - started;
  for (const grader of graders) await grader.stop();
  const reports = await store.db.selectFrom('server_report').select(['submission_id', 'mismatch']).execute();
  const withReport = new Set(reports.map((r) => r.submission_id));
  const lost = submissions.filter((s) => !withReport.has(s)).length;
  const twice = [...gradedBy.values()].filter((n) => n > 1).length;
  const mismatches = reports.filter((r) => r.mismatch !== '[]').length;
  durations.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(12)} ${BURST} submissions from ${LEARNERS} learners drained in ${(drainMs / 1000).toFixed(1)} s by 2 graders: ` +
      `${((reports.length / drainMs) * 60_000).toFixed(1)} graded/min, grading p50 ${seconds(pct(durations, 50))} s ` +
      `p95 ${seconds(pct(durations, 95))} s; lost ${lost}, graded twice ${twice}, verdict mismatches ${mismatches}`,
  );
  await store.close();
}

await perExercise();
console.log(`\nBurst (lint-gate, half correct and half wrong, each with the worker engine's report)`);
const dir = mkdtempSync(join(tmpdir(), 'craftpath-bench-grading-'));
try {
  await burst('node:sqlite', { kind: 'sqlite', file: join(dir, 'craftpath.sqlite') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const schema = `bench_grading_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
} catch (error) {
  console.log(
    `PostgreSQL: not measured, nothing answered at ${PG_URL} (${error instanceof Error ? error.message : String(error)}).`,
  );
  process.exit(0);
}
await admin.query(`create schema ${schema}`);
try {
  await burst('PostgreSQL', { kind: 'postgres', url: PG_URL, schema });
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}

/** A wrong solution of the exercise by its id, or a plain error naming it. */
function wrongSolution(bundle: ExerciseBundle, id: string) {
  const wrong = bundle.meta.wrongSolutions.find((w) => w.id === id);
  if (!wrong) throw new Error(`${bundle.meta.title} has no wrong solution "${id}"`);
  return wrong;
}

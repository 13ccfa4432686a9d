// The dashboard half of `npm run bench:server`: figures, no judgment. Seeds a cohort of BENCH_DASHBOARD_LEARNERS
// learners (default 500) × BENCH_DASHBOARD_ASSIGNMENTS assignments (default 20) with revisions, server
// reports, decisions and synced progress, on node:sqlite and (when TEST_DATABASE_URL is set) PostgreSQL,
// then times through the whole Hono stack (session, access check, zod reply): every page of 50 learners,
// the whole cohort as one page of 500, both CSV exports and one assignment's first-failure distribution,
// and prints the queries each ran (counted by a Kysely plugin). The goal is under 1 s per full render.
import { checkReport, daysAgo, revisionRows, type RevisionSpec } from '../tests/unit/server/dashboard-seed.ts';
import { startHarness, type Harness } from '../tests/unit/server/harness.ts';
import { TEST_DATABASES } from '../tests/unit/server/stores.ts';
import { newId } from '../src/server/auth/tokens.ts';
import { QueryCounter } from '../src/server/store/query-counter.ts';
import type { Database } from '../src/server/store/schema.ts';

const LEARNERS = Number(process.env['BENCH_DASHBOARD_LEARNERS'] ?? 500);
const ASSIGNMENTS = Number(process.env['BENCH_DASHBOARD_ASSIGNMENTS'] ?? 20);
const PAGE = 50;
const RUNS = 3;

/** Inserts rows in chunks small enough for either database's bound-parameter limit. */
async function bulk<T extends keyof Database>(h: Harness, table: T, rows: Database[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    // The table's row type is exactly what insertInto(table) takes; Kysely cannot see that through T.
    await h.store.db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute();
  }
}

async function seed(
  h: Harness,
): Promise<{ cohort: string; mentor: string; firstAssignment: string; revisions: number }> {
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const cohort = newId();
  await bulk(h, 'cohort', [
    { id: cohort, organisation_id: 'team', name: 'Bench cohort', auto_join_domain: null, ...stamp },
  ]);
  const users = Array.from({ length: LEARNERS + 1 }, (_, i) => ({
    id: newId(),
    name: i === 0 ? 'Mentor' : `Learner ${String(i).padStart(4, '0')}`,
    email: `u${i}@bench.test`,
    emailVerified: h.store.kind === 'postgres' ? false : 0,
    image: null,
    createdAt: now,
    updatedAt: now,
  }));
  await bulk(h, 'user', users);
  await bulk(
    h,
    'membership',
    users.map((u, i) => ({
      cohort_id: cohort,
      user_id: u.id,
      role: i === 0 ? ('mentor' as const) : ('learner' as const),
      ...stamp,
    })),
  );
  const assignments = Array.from({ length: ASSIGNMENTS }, (_, i) => ({
    id: newId(),
    cohort_id: cohort,
    title: `Assignment ${i + 1}`,
    mode: 'assessed' as const,
    opens_at: daysAgo(30 - i),
    due_at: daysAgo(20 - i * 2),
    cutoff_at: null,
    note: '',
    created_by: null,
    ...stamp,
  }));
  await bulk(h, 'assignment', assignments);
  const exercise = (i: number) => `exercise-${i + 1}`;
  await bulk(
    h,
    'assignment_exercise',
    assignments.map((a, i) => ({ assignment_id: a.id, exercise: exercise(i), position: 0, ...stamp })),
  );
  // A mix per cell: a fifth untouched, a fifth working in the browser, the rest 1 to 4 revisions whose
  // last passes half the time, a third of those approved and some sent back.
  const specs: RevisionSpec[] = [];
  const synced: Database['synced_record'][] = [];
  for (const [u, user] of users.slice(1).entries()) {
    for (const [i, a] of assignments.entries()) {
      const kind = (u * 7 + i * 3) % 10;
      if (kind < 2) continue;
      const at = daysAgo((u + i) % 9);
      synced.push({ user_id: user.id, kind: 'progress', name: exercise(i), body: '{}', record_at: at, ...stamp });
      if (kind < 4) continue;
      const count = 1 + ((u + i) % 4);
      for (let r = 1; r <= count; r++) {
        const passes = r === count && kind % 2 === 0;
        specs.push({
          assignmentId: a.id,
          userId: user.id,
          exercise: exercise(i),
          revision: r,
          submittedAt: daysAgo(count - r + ((u + i) % 6)),
          late: r > 2,
          report: checkReport(exercise(i), [
            { id: 'lint', status: 'pass' },
            passes
              ? { id: 'hidden-tests', status: 'pass' }
              : {
                  id: 'hidden-tests',
                  status: 'fail',
                  failingTests: [{ suite: ['retry'], name: `case ${(u + r) % 5}` }],
                },
            { id: 'mutants', status: passes ? 'pass' : 'fail' },
          ]),
          ...(r === count && kind === 4 ? { decision: 'approve' as const } : {}),
          ...(r === count && kind === 5 ? { decision: 'request_changes' as const } : {}),
        });
      }
    }
  }
  const rows = revisionRows(specs);
  await bulk(h, 'synced_record', synced);
  await bulk(h, 'submission', rows.submissions);
  await bulk(h, 'server_report', rows.reports);
  await bulk(h, 'review_decision', rows.decisions);
  return { cohort, mentor: users[0]?.id ?? '', firstAssignment: assignments[0]?.id ?? '', revisions: specs.length };
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

for (const database of TEST_DATABASES) {
  const h = await startHarness(database);
  try {
    const seeded = performance.now();
    const { cohort, mentor, firstAssignment, revisions } = await seed(h);
    const client = await h.sessionFor(mentor);
    const counter = new QueryCounter();
    h.store.db = h.store.db.withPlugin(counter);
    /** Best of RUNS (the first run also warms the database's cache), and the queries of one run. */
    const measure = async (path: string) => {
      let best = Infinity;
      let queries = 0;
      for (let run = 0; run < RUNS; run++) {
        counter.count = 0;
        const started = performance.now();
        const res = await client.request('GET', path);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        best = Math.min(best, performance.now() - started);
        queries = counter.count;
      }
      return { best, queries };
    };
    console.log(
      `\nDashboard on ${database.name}: ${LEARNERS} learners × ${ASSIGNMENTS} assignments, ${revisions} revisions with reports (seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s); best of ${RUNS}, whole request incl. session`,
    );
    console.log(`${'request'.padEnd(44)} ${'time'.padStart(9)}  queries`);
    const pages: number[] = [];
    for (let page = 1; page <= Math.ceil(LEARNERS / PAGE); page++) {
      const { best, queries } = await measure(`/api/cohorts/${cohort}/dashboard?page=${page}&pageSize=${PAGE}`);
      pages.push(best);
      console.log(`${`dashboard page ${page} of ${PAGE} learners`.padEnd(44)} ${ms(best)}  ${queries}`);
    }
    for (const [label, path] of [
      [
        `dashboard, all ${LEARNERS} learners in one page`,
        `/api/cohorts/${cohort}/dashboard?pageSize=${Math.min(500, LEARNERS)}`,
      ],
      ['export.csv, generic layout', `/api/cohorts/${cohort}/export.csv?layout=generic`],
      ['export.csv, Canvas layout', `/api/cohorts/${cohort}/export.csv?layout=canvas`],
      ['first failures of one assignment', `/api/assignments/${firstAssignment}/first-failures`],
    ] as const) {
      const { best, queries } = await measure(path);
      console.log(`${label.padEnd(44)} ${ms(best)}  ${queries}`);
    }
    const sorted = [...pages].sort((a, b) => a - b);
    console.log(`pages: median ${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)}, slowest ${ms(sorted.at(-1) ?? 0)}`);
  } finally {
    await h.close();
  }
}
if (!process.env['TEST_DATABASE_URL']) console.log('\nPostgreSQL: not measured (set TEST_DATABASE_URL).');

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, FirstFailures, StuckRuleView } from '../../../src/shared-api/dashboard-api.ts';
import { QueryCounter } from '../../../src/server/store/query-counter.ts';
import { startHarness, signUp, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';
import {
  addAssignment,
  addCohort,
  addMember,
  addRevisions,
  addSynced,
  addUser,
  checkReport,
  daysAgo,
} from './dashboard-seed.ts';

const fail = (exercise: string, checkId = 'hidden-tests') =>
  checkReport(exercise, [
    { id: 'lint', status: 'pass' },
    { id: checkId, status: 'fail', failingTests: [{ suite: ['limiter'], name: 'times out' }] },
  ]);
const pass = (exercise: string) =>
  checkReport(exercise, [
    { id: 'lint', status: 'pass' },
    { id: 'hidden-tests', status: 'pass' },
  ]);

/** The CSV's lines after checking that its bytes start with the UTF-8 byte-order mark. */
async function csvLines(res: Response): Promise<string[]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3)).split('\r\n');
}

describe.each(TEST_DATABASES)('cohort dashboard on $name', (database) => {
  let h: Harness;
  let mentor: Client;
  let cohort: string;
  /** Learners by the state the test gives them. */
  const who: Record<string, { id: string; name: string; email: string }> = {};
  let single: string;
  let pair: string;

  const dashboard = async (id = cohort, q = '') =>
    (await mentor.json<Dashboard>('GET', `/api/cohorts/${id}/dashboard${q}`)).body;
  const cellOf = (d: Dashboard, learner: string, assignment: string) => {
    const row = d.learners.find((l) => l.userId === who[learner]?.id);
    return row?.cells[d.assignments.findIndex((a) => a.id === assignment)];
  };

  beforeAll(async () => {
    h = await startHarness(database);
    const owner = h.client();
    await signUp(owner, 'owner@example.com');
    cohort = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend, "autumn"' })).body.id;
    const m = await addUser(h.store, 'Mentor');
    await addMember(h.store.db, cohort, m.id, 'mentor');
    mentor = await h.sessionFor(m.id);
    for (const name of ['Ada', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay', '=HYPERLINK("http://x")', 'Gus']) {
      who[name] = await addUser(h.store, name);
      await addMember(h.store.db, cohort, who[name].id);
    }
    single = await addAssignment(h.store.db, cohort, {
      title: 'Lint gate',
      exercises: ['lint-gate'],
      opensAt: daysAgo(10),
      dueAt: daysAgo(-1),
    });
    pair = await addAssignment(h.store.db, cohort, {
      title: 'Clocks',
      exercises: ['rate-limiter-clock', 'cache-stampede'],
      opensAt: daysAgo(-1),
      dueAt: daysAgo(-8),
    });
    const id = (name: string) => who[name]?.id ?? '';
    const rev = (name: string, revision: number, more: Partial<Parameters<typeof addRevisions>[1][number]> = {}) => ({
      assignmentId: single,
      userId: id(name),
      exercise: 'lint-gate',
      revision,
      submittedAt: daysAgo(1),
      ...more,
    });
    // Ada: nothing at all. Ben: ran checks in the browser yesterday, never submitted.
    await addSynced(h.store.db, id('Ben'), 'lint-gate', daysAgo(1));
    await addRevisions(h.store.db, [
      // Cy: three failing server verdicts in a row: stuck by the default rule (3).
      rev('Cy', 1, { report: fail('lint-gate') }),
      rev('Cy', 2, { report: fail('lint-gate') }),
      rev('Cy', 3, { report: fail('lint-gate', 'lint'), late: true }),
      // Dee: two failures, then a pass awaiting review.
      rev('Dee', 1, { report: fail('lint-gate') }),
      rev('Dee', 2, { report: fail('lint-gate') }),
      rev('Dee', 3, { report: pass('lint-gate') }),
      // Eve: changes requested on her only revision, which failed; Fay: approved.
      rev('Eve', 1, { report: fail('lint-gate'), decision: 'request_changes' }),
      rev('Fay', 1, { report: pass('lint-gate'), decision: 'approve', submittedAt: daysAgo(9) }),
      // The formula-named learner: submitted, still grading.
      rev('=HYPERLINK("http://x")', 1),
      // Gus: a failing revision six days ago and nothing since: idle (5 days by default).
      rev('Gus', 1, { report: fail('lint-gate'), submittedAt: daysAgo(6) }),
      // Clocks: Ada approved on one of two exercises, submitted the other.
      {
        assignmentId: pair,
        userId: id('Ada'),
        exercise: 'rate-limiter-clock',
        revision: 1,
        report: pass('rate-limiter-clock'),
        decision: 'approve',
      },
      {
        assignmentId: pair,
        userId: id('Ada'),
        exercise: 'cache-stampede',
        revision: 1,
        report: pass('cache-stampede'),
      },
    ]);
  }, 60_000);
  afterAll(async () => h.close());

  it('tells not started, working, submitted, changes requested and approved apart, per exercise and per assignment', async () => {
    const d = await dashboard();
    expect(d.assignments.map((a) => a.title)).toEqual(['Lint gate', 'Clocks']);
    expect(d.totalLearners).toBe(8);
    const status = (name: string, a = single) => cellOf(d, name, a)?.status;
    expect(['Ada', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay', '=HYPERLINK("http://x")'].map((n) => status(n))).toEqual([
      'not-started',
      'working',
      'submitted',
      'submitted',
      'changes-requested',
      'approved',
      'submitted',
    ]);
    expect(cellOf(d, 'Cy', single)).toMatchObject({ attempts: 3, failingChecks: ['lint-gate/lint'] });
    expect(cellOf(d, 'Cy', single)?.exercises[0]).toMatchObject({
      verdict: 'fail',
      late: true,
      score: 50,
      failingStreak: 3,
      newestSubmissionId: expect.any(String),
    });
    expect(cellOf(d, '=HYPERLINK("http://x")', single)?.exercises[0]).toMatchObject({ verdict: null, score: null });
    // One approved and one submitted exercise: the assignment waits for review.
    expect(status('Ada', pair)).toBe('submitted');
    expect(cellOf(d, 'Ada', pair)?.exercises.map((e) => e.status)).toEqual(['approved', 'submitted']);
    expect(cellOf(d, 'Ben', pair)?.status).toBe('not-started');
  });

  it('flags three failing verdicts in a row and five idle days on unfinished work, by default, and says why', async () => {
    const d = await dashboard();
    expect(d.stuckRule).toEqual({ rule: { failingSubmissions: 3, idleDays: 5 }, isDefault: true });
    const stuck = Object.fromEntries(Object.keys(who).map((n) => [n, cellOf(d, n, single)?.stuck]));
    expect(stuck).toEqual({
      Ada: ['idle'], // opened ten days ago, never touched
      Ben: [],
      Cy: ['failing'],
      Dee: [], // the streak ended with a pass
      Eve: [],
      Fay: [], // approved nine days ago: finished work is never idle
      '=HYPERLINK("http://x")': [],
      Gus: ['idle'],
    });
    expect(d.learners.filter((l) => l.stuck).map((l) => l.name)).toEqual(['Ada', 'Cy', 'Gus']);
    // Clocks opens tomorrow: nobody can be idle on it yet.
    expect(d.learners.flatMap((l) => l.cells[1]?.stuck ?? [])).toEqual([]);
  });

  it('applies the rule the cohort sets, with either part turned off', async () => {
    const put = await mentor.json<StuckRuleView>('PUT', `/api/cohorts/${cohort}/stuck-rule`, {
      failingSubmissions: 2,
      idleDays: null,
    });
    expect(put.body).toEqual({ rule: { failingSubmissions: 2, idleDays: null }, isDefault: false });
    expect((await mentor.json('GET', `/api/cohorts/${cohort}/stuck-rule`)).body).toEqual(put.body);
    const d = await dashboard();
    expect(d.learners.filter((l) => l.stuck).map((l) => l.name)).toEqual(['Cy']);
    const bad = await mentor.json<{ field: string }>('PUT', `/api/cohorts/${cohort}/stuck-rule`, {
      failingSubmissions: 0,
      idleDays: 5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('failingSubmissions');
    await mentor.json('PUT', `/api/cohorts/${cohort}/stuck-rule`, { failingSubmissions: 3, idleDays: 5 });
  });

  it('pages learners by name', async () => {
    const first = await dashboard(cohort, '?page=1&pageSize=3');
    const second = await dashboard(cohort, '?page=2&pageSize=3');
    expect(first.learners.map((l) => l.name)).toEqual(['=HYPERLINK("http://x")', 'Ada', 'Ben']);
    expect(second.learners.map((l) => l.name)).toEqual(['Cy', 'Dee', 'Eve']);
    expect((await mentor.request('GET', `/api/cohorts/${cohort}/dashboard?pageSize=0`)).status).toBe(400);
  });

  it('reads a page in the same number of queries for 3 learners as for 60', async () => {
    const counted = async (learners: number) => {
      const c = await addCohort(h.store.db, `Count ${learners}`);
      const m = await addUser(h.store, 'Counter');
      await addMember(h.store.db, c, m.id, 'mentor');
      const a = await addAssignment(h.store.db, c, { title: 'A', exercises: ['lint-gate', 'cache-stampede'] });
      const b = await addAssignment(h.store.db, c, { title: 'B', exercises: ['payment-charge'] });
      for (let i = 0; i < learners; i++) {
        const u = await addUser(h.store, `L${i}`);
        await addMember(h.store.db, c, u.id);
        await addSynced(h.store.db, u.id, 'lint-gate', daysAgo(2));
        await addRevisions(h.store.db, [
          { assignmentId: a, userId: u.id, exercise: 'lint-gate', revision: 1, report: fail('lint-gate') },
          {
            assignmentId: a,
            userId: u.id,
            exercise: 'lint-gate',
            revision: 2,
            report: pass('lint-gate'),
            decision: 'approve',
          },
          { assignmentId: b, userId: u.id, exercise: 'payment-charge', revision: 1, report: fail('payment-charge') },
        ]);
      }
      const client = await h.sessionFor(m.id);
      const counter = new QueryCounter();
      const plain = h.store.db;
      h.store.db = plain.withPlugin(counter);
      try {
        const res = await client.json<Dashboard>('GET', `/api/cohorts/${c}/dashboard?pageSize=50`);
        expect(res.body.learners).toHaveLength(Math.min(learners, 50));
        expect(res.body.learners[0]?.cells[1]?.failingChecks).toEqual(['payment-charge/hidden-tests']);
      } finally {
        h.store.db = plain;
      }
      return counter.count;
    };
    const small = await counted(3);
    const large = await counted(60);
    expect(large).toBe(small);
    // The session's viewer (2), the staff check (1), cohort and rule (1), the page (8).
    expect(small).toBe(12);
  }, 60_000);

  it('shows per exercise which check learners first fail, with the failing test, across the cohort', async () => {
    const res = await mentor.json<FirstFailures>('GET', `/api/assignments/${single}/first-failures`);
    expect(res.status).toBe(200);
    expect(res.body.learners).toBe(8);
    const [lintGate] = res.body.exercises;
    // Newest revisions: Cy fails lint first; Eve and Gus fail hidden-tests at "limiter > times out";
    // Dee and Fay pass; the formula-named learner is still grading.
    expect(lintGate).toEqual({
      exercise: 'lint-gate',
      graded: 5,
      passing: 2,
      pending: 1,
      failures: [
        { checkId: 'hidden-tests', checkTitle: 'Check hidden-tests', testName: 'limiter > times out', learners: 2 },
        { checkId: 'lint', checkTitle: 'Check lint', testName: 'limiter > times out', learners: 1 },
      ],
    });
  });

  it('exports one generic row per learner × assignment × exercise, quoted per RFC 4180, formulas neutralised', async () => {
    const res = await mentor.request('GET', `/api/cohorts/${cohort}/export.csv?layout=generic`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="craftpath-backend-autumn-\d{4}-\d{2}-\d{2}-generic\.csv"$/,
    );
    const lines = await csvLines(res);
    expect(lines[0]).toBe(
      'learner,email,assignment,exercise,status,attempts,verdict,score,late,submitted_at,decision,stuck',
    );
    expect(lines).toHaveLength(1 + 8 * 3 + 1);
    expect(lines.at(-1)).toBe('');
    const row = (name: string, exercise = 'lint-gate') =>
      lines.find((l) => l.startsWith(`${name},`) && l.includes(`,${exercise},`))?.split(',');
    expect(row('Cy')?.slice(2, 9)).toEqual(['Lint gate', 'lint-gate', 'submitted', '3', 'fail', '50', 'yes']);
    expect(row('Cy')?.slice(10)).toEqual(['', 'failing']);
    expect(row('Fay')?.slice(4)).toEqual([
      'approved',
      '1',
      'pass',
      '100',
      'no',
      expect.stringMatching(/^\d{4}-/),
      'approve',
      '',
    ]);
    expect(row('Ada')?.slice(4)).toEqual(['not-started', '0', '', '', '', '', '', 'idle']);
    expect(row('Ada', 'cache-stampede')?.slice(2, 5)).toEqual(['Clocks', 'cache-stampede', 'submitted']);
    // A name that starts a formula gets an apostrophe, and its quotes force RFC 4180 quoting.
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://x"")",`))).toBe(true);
    expect(lines.some((l) => l.startsWith('=') || l.startsWith('"='))).toBe(false);
  });

  it('exports Canvas’s gradebook columns with points per finished exercise and a Points Possible row', async () => {
    const res = await mentor.request('GET', `/api/cohorts/${cohort}/export.csv?layout=canvas`);
    expect(res.headers.get('content-disposition')).toMatch(/-canvas\.csv"$/);
    const lines = await csvLines(res);
    expect(lines.slice(0, 2)).toEqual(['Student,SIS Login ID,Section,Lint gate,Clocks', 'Points Possible,,,1,2']);
    const section = '"Backend, ""autumn"""';
    const line = (name: string) => `${name},${who[name]?.email},${section}`;
    expect(lines).toContain(`${line('Ada')},0,2`); // Clocks: one approved, one passing and waiting for review
    expect(lines).toContain(`${line('Cy')},0,0`);
    expect(lines).toContain(`${line('Dee')},1,0`); // passing, waiting for review
    expect(lines).toContain(`${line('Eve')},0,0`);
    expect(lines).toContain(`${line('Fay')},1,0`);
    expect(lines.find((l) => l.includes('HYPERLINK'))?.startsWith(`"'=HYPERLINK`)).toBe(true);
    expect((await mentor.request('GET', `/api/cohorts/${cohort}/export.csv?layout=excel`)).status).toBe(400);
  });
});

import type { Kysely } from 'kysely';
import type { CheckReport, CheckResult, Status } from '../../../src/runtime/report/check-report.ts';
import { newId } from '../../../src/server/auth/tokens.ts';
import type { Store } from '../../../src/server/store/database.ts';
import type { Database, ReviewDecisionKind } from '../../../src/server/store/schema.ts';

/**
 * Rows for dashboard tests and the dashboard benchmark, written straight to the store: learners,
 * assignments, revisions with server reports and decisions, synced records. What the routes would have
 * written, without a grader run per revision.
 */

const DAY = 86_400_000;
export const daysAgo = (days: number, from = Date.now()) => new Date(from - days * DAY).toISOString();

export interface CheckSpec {
  id: string;
  status: Status;
  /** Failing test names ("suite > name" is built from suite + name) for a tests check. */
  failingTests?: { suite?: string[]; name: string }[];
}

export function checkReport(exercise: string, checks: CheckSpec[]): CheckReport {
  const results: CheckResult[] = checks.map((c) => ({
    id: c.id,
    kind: c.failingTests ? 'tests' : 'lint',
    title: `Check ${c.id}`,
    status: c.status,
    summary: c.status,
    durationMs: 1,
    ...(c.failingTests
      ? {
          tests: [
            { file: 'a.test.ts', suite: [], name: 'passes first', status: 'pass' as const, durationMs: 1 },
            ...c.failingTests.map((t) => ({
              file: 'a.test.ts',
              suite: t.suite ?? [],
              name: t.name,
              status: 'fail' as const,
              durationMs: 1,
              failure: { message: 'expected' },
            })),
          ],
        }
      : {}),
  }));
  const verdict: Status = checks.find((c) => c.status !== 'pass')?.status ?? 'pass';
  return {
    version: 1,
    exercise,
    engine: 'node',
    startedAt: new Date().toISOString(),
    durationMs: 5,
    verdict,
    checks: results,
  };
}

export async function addUser(
  store: Store,
  name: string,
  email = `${name.replace(/\W/g, '') || 'x'}${newId().slice(0, 6)}@example.com`,
) {
  const id = newId();
  const now = new Date().toISOString();
  await store.db
    .insertInto('user')
    .values({
      id,
      name,
      email,
      emailVerified: store.kind === 'postgres' ? false : 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, name, email };
}

export async function addMember(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
  role: 'mentor' | 'learner' = 'learner',
) {
  const now = new Date().toISOString();
  await db
    .insertInto('membership')
    .values({ cohort_id: cohortId, user_id: userId, role, created_at: now, updated_at: now })
    .execute();
}

export async function addCohort(db: Kysely<Database>, name: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('cohort')
    .values({ id, organisation_id: 'team', name, auto_join_domain: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function addAssignment(
  db: Kysely<Database>,
  cohortId: string,
  a: { title: string; exercises: string[]; opensAt?: string; dueAt?: string },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('assignment')
    .values({
      id,
      cohort_id: cohortId,
      title: a.title,
      mode: 'assessed',
      opens_at: a.opensAt ?? daysAgo(1),
      due_at: a.dueAt ?? daysAgo(-7),
      cutoff_at: null,
      note: '',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('assignment_exercise')
    .values(
      a.exercises.map((exercise, position) => ({
        assignment_id: id,
        exercise,
        position,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return id;
}

export interface RevisionSpec {
  assignmentId: string;
  userId: string;
  exercise: string;
  revision: number;
  submittedAt?: string;
  late?: boolean;
  /** The server's report; absent: still waiting for the grader. */
  report?: CheckReport;
  decision?: ReviewDecisionKind;
}

/** Row objects for a batch of revisions, their reports and decisions (the benchmark inserts them in bulk). */
export function revisionRows(specs: RevisionSpec[]) {
  const submissions: Database['submission'][] = [];
  const reports: Database['server_report'][] = [];
  const decisions: Database['review_decision'][] = [];
  for (const s of specs) {
    const at = s.submittedAt ?? new Date().toISOString();
    const id = newId();
    submissions.push({
      id,
      assignment_id: s.assignmentId,
      user_id: s.userId,
      exercise: s.exercise,
      revision: s.revision,
      files: '{"src/index.ts":"export {};\\n"}',
      browser_report: null,
      content_hash: 'hash',
      engine_versions: '{}',
      submitted_at: at,
      late: s.late ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    if (s.report)
      reports.push({
        id: newId(),
        submission_id: id,
        content_hash: 'hash',
        engine_versions: '{}',
        report: JSON.stringify(s.report),
        verdict: s.report.verdict,
        mismatch: '[]',
        graded_by: 'seed',
        created_at: at,
        updated_at: at,
      });
    if (s.decision)
      decisions.push({
        id: newId(),
        submission_id: id,
        mentor_id: null,
        decision: s.decision,
        body: '',
        created_at: at,
        updated_at: at,
      });
  }
  return { submissions, reports, decisions };
}

export async function addRevisions(db: Kysely<Database>, specs: RevisionSpec[]): Promise<void> {
  const { submissions, reports, decisions } = revisionRows(specs);
  if (submissions.length) await db.insertInto('submission').values(submissions).execute();
  if (reports.length) await db.insertInto('server_report').values(reports).execute();
  if (decisions.length) await db.insertInto('review_decision').values(decisions).execute();
}

/** A synced progress record for the exercise: the browser ran its checks at `at`. */
export async function addSynced(db: Kysely<Database>, userId: string, exercise: string, at: string): Promise<void> {
  await db
    .insertInto('synced_record')
    .values({
      user_id: userId,
      kind: 'progress',
      name: exercise,
      body: JSON.stringify({ status: 'in-progress', attempts: 1, lastAttemptAt: at }),
      record_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

import type { Kysely } from 'kysely';
import { checkReportSchema, statusSchema, type Status } from '../../runtime/report/check-report.ts';
import type {
  Dashboard,
  DashboardAssignment,
  DashboardLearner,
  StuckRuleView,
} from '../../shared-api/dashboard-api.ts';
import type { Database, ReviewDecisionKind } from '../store/schema.ts';
import { assignmentCell, exerciseCell, reportSummary, type ExerciseFacts, type RevisionFacts } from './cells.ts';

/** Which learners to load: one page by name, or all of them (the CSV export). */
export type LearnerWindow = { page: number; pageSize: number } | 'all';

const asStatus = (verdict: string): Status => statusSchema.catch('error').parse(verdict);

/** A cohort's assignments with their exercises in order, by due time: one query. */
export async function cohortAssignments(db: Kysely<Database>, cohortId: string): Promise<DashboardAssignment[]> {
  const rows = await db
    .selectFrom('assignment')
    .innerJoin('assignment_exercise', 'assignment_exercise.assignment_id', 'assignment.id')
    .select([
      'assignment.id',
      'assignment.title',
      'assignment.opens_at',
      'assignment.due_at',
      'assignment_exercise.exercise',
    ])
    .where('assignment.cohort_id', '=', cohortId)
    .orderBy('assignment.due_at')
    .orderBy('assignment.id')
    .orderBy('assignment_exercise.position')
    .execute();
  const byId = new Map<string, DashboardAssignment>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      id: row.id,
      title: row.title,
      exercises: [],
      opensAt: row.opens_at,
      dueAt: row.due_at,
    };
    entry.exercises.push(row.exercise);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/**
 * One page of the dashboard in eight queries whatever the cohort's size (the caller's access check and
 * stuck-rule read come on top): learner count, the page's learners, the assignments, then for those
 * learners at once their revisions, report verdicts, newest report bodies, decisions and synced records.
 * Rows are joined in memory by key, never by a query per learner or per cell.
 */
export async function loadDashboard(
  db: Kysely<Database>,
  cohort: { id: string; name: string },
  stuckRule: StuckRuleView,
  window: LearnerWindow,
  now = new Date(),
): Promise<Dashboard> {
  let learnerQuery = db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id', 'user.name', 'user.email'])
    .where('membership.cohort_id', '=', cohort.id)
    .where('membership.role', '=', 'learner')
    .orderBy('user.name')
    .orderBy('user.id');
  if (window !== 'all') learnerQuery = learnerQuery.limit(window.pageSize).offset((window.page - 1) * window.pageSize);
  const [count, learners, assignments] = await Promise.all([
    db
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cohort_id', '=', cohort.id)
      .where('role', '=', 'learner')
      .executeTakeFirstOrThrow(),
    learnerQuery.execute(),
    cohortAssignments(db, cohort.id),
  ]);
  const base = {
    cohortId: cohort.id,
    cohortName: cohort.name,
    stuckRule,
    assignments,
    page: window === 'all' ? 1 : window.page,
    pageSize: window === 'all' ? Math.max(1, learners.length) : window.pageSize,
    totalLearners: Number(count.n),
    computedAt: now.toISOString(),
  };
  if (learners.length === 0) return { ...base, learners: [] };
  const facts = await cellFacts(
    db,
    cohort.id,
    learners.map((l) => l.id),
  );
  const rows: DashboardLearner[] = learners.map((learner) => {
    const cells = assignments.map((assignment) =>
      assignmentCell(
        assignment.id,
        assignment.exercises.map((exercise) =>
          exerciseCell(facts.get(learner.id, assignment.id, exercise), assignment, stuckRule.rule, now),
        ),
      ),
    );
    return {
      userId: learner.id,
      name: learner.name,
      email: learner.email,
      stuck: cells.some((c) => c.stuck.length > 0),
      cells,
    };
  });
  return { ...base, learners: rows };
}

interface FactIndex {
  get(userId: string, assignmentId: string, exercise: string): ExerciseFacts;
}

/** The five per-page reads, joined by key into facts per learner × assignment × exercise. */
async function cellFacts(db: Kysely<Database>, cohortId: string, userIds: string[]): Promise<FactIndex> {
  const submissions = () =>
    db
      .selectFrom('submission')
      .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
      .where('assignment.cohort_id', '=', cohortId)
      .where('submission.user_id', 'in', userIds);
  const [revisions, verdicts, bodies, decisions, synced] = await Promise.all([
    submissions()
      .select([
        'submission.id',
        'submission.assignment_id',
        'submission.user_id',
        'submission.exercise',
        'submission.revision',
        'submission.submitted_at',
        'submission.late',
      ])
      .execute(),
    submissions()
      .innerJoin('server_report', 'server_report.submission_id', 'submission.id')
      .select(['server_report.submission_id', 'server_report.verdict'])
      .orderBy('server_report.created_at')
      .orderBy('server_report.id')
      .execute(),
    // Only the newest report of each newest revision is read in full, and only when it did not pass:
    // a passing report has no failing checks to show and scores 100.
    submissions()
      .innerJoin('server_report', 'server_report.submission_id', 'submission.id')
      .select(['server_report.submission_id', 'server_report.report'])
      .where('server_report.verdict', '!=', 'pass')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('server_report as newer')
              .select('newer.id')
              .whereRef('newer.submission_id', '=', 'server_report.submission_id')
              .where((eb) =>
                eb.or([
                  eb('newer.created_at', '>', eb.ref('server_report.created_at')),
                  eb.and([
                    eb('newer.created_at', '=', eb.ref('server_report.created_at')),
                    eb('newer.id', '>', eb.ref('server_report.id')),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('submission as later')
              .select('later.id')
              .whereRef('later.assignment_id', '=', 'submission.assignment_id')
              .whereRef('later.user_id', '=', 'submission.user_id')
              .whereRef('later.exercise', '=', 'submission.exercise')
              .whereRef('later.revision', '>', 'submission.revision'),
          ),
        ),
      )
      .execute(),
    submissions()
      .innerJoin('review_decision', 'review_decision.submission_id', 'submission.id')
      .select(['review_decision.submission_id', 'review_decision.decision'])
      .orderBy('review_decision.created_at')
      .orderBy('review_decision.id')
      .execute(),
    db
      .selectFrom('synced_record')
      .select(['user_id', 'name', 'record_at'])
      .where('user_id', 'in', userIds)
      .where('kind', 'in', ['progress', 'work'])
      .execute(),
  ]);
  // Later rows overwrite earlier ones: the maps keep the newest report verdict and decision per revision.
  const verdictOf = new Map<string, Status>(verdicts.map((v) => [v.submission_id, asStatus(v.verdict)]));
  const decisionOf = new Map<string, ReviewDecisionKind>(decisions.map((d) => [d.submission_id, d.decision]));
  const summaryOf = new Map(
    bodies.map((b) => [b.submission_id, reportSummary(checkReportSchema.parse(JSON.parse(b.report)))]),
  );
  const key = (...parts: string[]) => parts.join('\u0000');
  const revisionsOf = new Map<string, RevisionFacts[]>();
  for (const r of revisions) {
    const k = key(r.user_id, r.assignment_id, r.exercise);
    const list = revisionsOf.get(k) ?? [];
    list.push({
      id: r.id,
      revision: r.revision,
      submittedAt: r.submitted_at,
      late: Number(r.late) === 1,
      verdict: verdictOf.get(r.id) ?? null,
      decision: decisionOf.get(r.id) ?? null,
    });
    revisionsOf.set(k, list);
  }
  const syncedOf = new Map<string, string>();
  for (const s of synced) {
    const k = key(s.user_id, s.name);
    const seen = syncedOf.get(k);
    if (!seen || seen < s.record_at) syncedOf.set(k, s.record_at);
  }
  return {
    get(userId, assignmentId, exercise) {
      const list = revisionsOf.get(key(userId, assignmentId, exercise)) ?? [];
      const newest = list.reduce<(typeof list)[number] | undefined>(
        (top, r) => (top && top.revision > r.revision ? top : r),
        undefined,
      );
      return {
        exercise,
        revisions: list,
        syncedAt: syncedOf.get(key(userId, exercise)) ?? null,
        newestReport: newest ? (summaryOf.get(newest.id) ?? null) : null,
      };
    },
  };
}

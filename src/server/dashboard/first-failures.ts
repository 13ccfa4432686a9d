import type { Kysely } from 'kysely';
import { checkReportSchema, type CheckReport } from '../../runtime/report/check-report.ts';
import type { ExerciseFailures, FirstFailures } from '../../shared-api/dashboard-api.ts';
import type { Database } from '../store/schema.ts';

/** The first check, in the report's order, that did not pass, with its first failing test when it has tests. */
export function firstFailure(
  report: CheckReport,
): { checkId: string; checkTitle: string; testName: string | null } | undefined {
  const check = report.checks.find((c) => c.status !== 'pass');
  if (!check) return undefined;
  const test = check.tests?.find((t) => t.status === 'fail');
  return { checkId: check.id, checkTitle: check.title, testName: test ? [...test.suite, test.name].join(' > ') : null };
}

/**
 * Per exercise of the assignment, how the cohort's learners' newest revisions first fail: four queries
 * (exercises, learner count, newest revisions, their newest reports) whatever the cohort's size. Only
 * current learners of the cohort count, so the "of N" matches the dashboard's rows.
 */
export async function loadFirstFailures(
  db: Kysely<Database>,
  assignment: { id: string; title: string; cohort_id: string },
): Promise<FirstFailures> {
  const newestRevisions = () =>
    db
      .selectFrom('submission')
      .innerJoin('membership', (join) =>
        join
          .onRef('membership.user_id', '=', 'submission.user_id')
          .on('membership.cohort_id', '=', assignment.cohort_id)
          .on('membership.role', '=', 'learner'),
      )
      .where('submission.assignment_id', '=', assignment.id)
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
      );
  const [exercises, count, revisions, reports] = await Promise.all([
    db
      .selectFrom('assignment_exercise')
      .select('exercise')
      .where('assignment_id', '=', assignment.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cohort_id', '=', assignment.cohort_id)
      .where('role', '=', 'learner')
      .executeTakeFirstOrThrow(),
    newestRevisions().select(['submission.id', 'submission.exercise']).execute(),
    newestRevisions()
      .innerJoin('server_report', 'server_report.submission_id', 'submission.id')
      .select(['server_report.submission_id', 'server_report.report'])
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
      .execute(),
  ]);
  const reportOf = new Map(reports.map((r) => [r.submission_id, checkReportSchema.parse(JSON.parse(r.report))]));
  const out: ExerciseFailures[] = exercises.map(({ exercise }) => {
    const mine = revisions.filter((r) => r.exercise === exercise);
    const tally = new Map<string, ExerciseFailures['failures'][number]>();
    let graded = 0;
    let passing = 0;
    for (const revision of mine) {
      const report = reportOf.get(revision.id);
      if (!report) continue;
      graded++;
      const first = firstFailure(report);
      if (!first) {
        passing++;
        continue;
      }
      const k = `${first.checkId}\u0000${first.testName ?? ''}`;
      const entry = tally.get(k) ?? { ...first, learners: 0 };
      entry.learners++;
      tally.set(k, entry);
    }
    const failures = [...tally.values()].sort(
      (a, b) =>
        b.learners - a.learners ||
        a.checkId.localeCompare(b.checkId) ||
        (a.testName ?? '').localeCompare(b.testName ?? ''),
    );
    return { exercise, graded, passing, pending: mine.length - graded, failures };
  });
  return { assignmentId: assignment.id, title: assignment.title, learners: Number(count.n), exercises: out };
}

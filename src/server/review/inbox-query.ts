import type { InboxItem } from '../../shared-api/review-api.ts';
import type { Store } from '../store/database.ts';

/**
 * What waits for review in the given cohorts, oldest first: per learner × assignment × exercise the newest
 * revision, if it has been graded (a server report) or carries the browser's report, and no mentor has
 * decided on it yet. One query, whatever the number of learners.
 */
export async function inboxItems(store: Store, cohortIds: string[]): Promise<InboxItem[]> {
  if (cohortIds.length === 0) return [];
  const rows = await store.db
    .selectFrom('submission as s')
    .innerJoin('assignment as a', 'a.id', 's.assignment_id')
    .innerJoin('cohort as co', 'co.id', 'a.cohort_id')
    .innerJoin('user as learner', 'learner.id', 's.user_id')
    .leftJoin('review_assignee as ra', (join) =>
      join
        .onRef('ra.assignment_id', '=', 's.assignment_id')
        .onRef('ra.user_id', '=', 's.user_id')
        .onRef('ra.exercise', '=', 's.exercise'),
    )
    .leftJoin('user as mentor', 'mentor.id', 'ra.mentor_id')
    .select((eb) => [
      's.id',
      's.revision',
      's.assignment_id',
      'a.title',
      'a.cohort_id',
      'co.name as cohort_name',
      's.user_id',
      'learner.name as learner_name',
      's.exercise',
      's.submitted_at',
      's.late',
      's.browser_report',
      'mentor.id as mentor_id',
      'mentor.name as mentor_name',
      eb
        .selectFrom('server_report as r')
        .select('r.verdict')
        .whereRef('r.submission_id', '=', 's.id')
        .orderBy('r.created_at', 'desc')
        .limit(1)
        .as('server_verdict'),
      eb
        .selectFrom('review_thread as t')
        .innerJoin('submission as tw', 'tw.id', 't.submission_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('tw.assignment_id', '=', 's.assignment_id')
        .whereRef('tw.user_id', '=', 's.user_id')
        .whereRef('tw.exercise', '=', 's.exercise')
        .where('t.blocking', '=', 1)
        .where('t.resolved', '=', 0)
        .as('open_blocking'),
    ])
    .where('a.cohort_id', 'in', cohortIds)
    .where(({ not, exists, selectFrom, or, eb }) =>
      eb.and([
        not(
          exists(
            selectFrom('submission as newer')
              .select('newer.id')
              .whereRef('newer.assignment_id', '=', 's.assignment_id')
              .whereRef('newer.user_id', '=', 's.user_id')
              .whereRef('newer.exercise', '=', 's.exercise')
              .whereRef('newer.revision', '>', 's.revision'),
          ),
        ),
        not(exists(selectFrom('review_decision as d').select('d.id').whereRef('d.submission_id', '=', 's.id'))),
        or([
          eb('s.browser_report', 'is not', null),
          exists(selectFrom('server_report as sr').select('sr.id').whereRef('sr.submission_id', '=', 's.id')),
        ]),
      ]),
    )
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    submissionId: r.id,
    revision: r.revision,
    assignmentId: r.assignment_id,
    assignmentTitle: r.title,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    learner: { id: r.user_id, name: r.learner_name },
    exercise: r.exercise,
    waitingSince: r.submitted_at,
    late: r.late === 1,
    serverVerdict: r.server_verdict ?? null,
    browserVerdict: r.browser_report ? browserVerdict(r.browser_report) : null,
    assignee: r.mentor_id && r.mentor_name ? { id: r.mentor_id, name: r.mentor_name } : null,
    openBlocking: Number(r.open_blocking ?? 0),
  }));
}

/** The verdict field of a stored browser report; the rest of the report is not needed for a list. */
function browserVerdict(json: string): string | null {
  const report = JSON.parse(json) as { verdict?: unknown };
  return typeof report.verdict === 'string' ? report.verdict : null;
}

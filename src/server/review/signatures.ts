import type { Kysely } from 'kysely';
import { isNewestReport } from './newest-report.ts';
import type { FailureSignature } from '../../runtime/report/failure-signatures.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ExerciseCatalog } from '../grading/exercise-catalog.ts';
import type { Store } from '../store/database.ts';
import type { Database, SignatureCommentTable } from '../store/schema.ts';
import { notify } from './notify.ts';

/**
 * Failure signatures on the server: stored beside each server report when it is written, so "which
 * learners' current revisions carry this failure" is one join for a whole cohort, and signature comments
 * reach every such learner, now and on later submissions, each told once.
 */

export type NoticeDeps = { store: Store; mailer: Mailer | undefined; origin: string; catalog: ExerciseCatalog };

/** Writes a report's signatures in the transaction that stores the report. */
export async function recordSignatures(
  db: Kysely<Database>,
  reportId: string,
  submissionId: string,
  signatures: readonly FailureSignature[],
  now: string,
): Promise<void> {
  if (signatures.length === 0) return;
  await db
    .insertInto('report_signature')
    .values(
      signatures.map((s) => ({
        server_report_id: reportId,
        submission_id: submissionId,
        check_id: s.checkId,
        signature_kind: s.kind,
        signature: s.value,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The signatures of every current revision in a cohort: a learner's newest revision of an exercise on an
 * assignment, read through its newest server report. One query; callers group or filter it.
 */
export function currentSignatures(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('report_signature as rs')
    .innerJoin('server_report as r', 'r.id', 'rs.server_report_id')
    .innerJoin('submission as s', 's.id', 'rs.submission_id')
    .innerJoin('assignment as a', 'a.id', 's.assignment_id')
    .where('a.cohort_id', '=', cohortId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submission as later')
            .select('later.id')
            .whereRef('later.assignment_id', '=', 's.assignment_id')
            .whereRef('later.user_id', '=', 's.user_id')
            .whereRef('later.exercise', '=', 's.exercise')
            .whereRef('later.revision', '>', 's.revision'),
        ),
      ),
    )
    .where(isNewestReport)
    .select([
      's.id as submission_id',
      's.user_id as user_id',
      's.exercise as exercise',
      'rs.check_id as check_id',
      'rs.signature_kind as signature_kind',
      'rs.signature as signature',
    ]);
}

/** Reach of each of the cohort's signature comments, in one grouped query: comment id → learners. */
export async function reachOf(db: Kysely<Database>, cohortId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('signature_comment as sc')
    .leftJoin(currentSignatures(db, cohortId).as('cur'), (join) =>
      join
        .onRef('cur.exercise', '=', 'sc.exercise')
        .onRef('cur.check_id', '=', 'sc.check_id')
        .onRef('cur.signature_kind', '=', 'sc.signature_kind')
        .onRef('cur.signature', '=', 'sc.signature'),
    )
    .where('sc.cohort_id', '=', cohortId)
    .select((eb) => ['sc.id as id', eb.fn.count<number>('cur.user_id').distinct().as('reach')])
    .groupBy('sc.id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.reach)]));
}

/** Tells every learner whose current revision carries the comment's signature, once each. */
export async function noticeExistingLearners(deps: NoticeDeps, comment: SignatureCommentTable): Promise<number> {
  const carriers = await currentSignatures(deps.store.db, comment.cohort_id)
    .where('s.exercise', '=', comment.exercise)
    .where('rs.check_id', '=', comment.check_id)
    .where('rs.signature_kind', '=', comment.signature_kind)
    .where('rs.signature', '=', comment.signature)
    .execute();
  const link = await exerciseLink(deps.catalog, comment.exercise);
  let told = 0;
  for (const carrier of carriers) {
    if (await tellOnce(deps, comment, carrier.user_id, carrier.submission_id, link)) told++;
  }
  return told;
}

/**
 * After a new server report: the cohort's signature comments matching its signatures reach its learner,
 * each at most once however often the learner resubmits or the job is delivered again.
 */
export async function noticeNewReport(
  deps: NoticeDeps,
  submissionId: string,
  signatures: readonly FailureSignature[],
): Promise<void> {
  if (signatures.length === 0) return;
  const submission = await deps.store.db
    .selectFrom('submission as s')
    .innerJoin('assignment as a', 'a.id', 's.assignment_id')
    .select(['s.id', 's.user_id', 's.exercise', 'a.cohort_id'])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
  if (!submission) return;
  const comments = await deps.store.db
    .selectFrom('signature_comment')
    .selectAll()
    .where('cohort_id', '=', submission.cohort_id)
    .where('exercise', '=', submission.exercise)
    .where((eb) =>
      eb.or(
        signatures.map((s) =>
          eb.and([eb('check_id', '=', s.checkId), eb('signature_kind', '=', s.kind), eb('signature', '=', s.value)]),
        ),
      ),
    )
    .execute();
  if (comments.length === 0) return;
  const link = await exerciseLink(deps.catalog, submission.exercise);
  for (const comment of comments) await tellOnce(deps, comment, submission.user_id, submission.id, link);
}

/** The notice row is the lock: only the request that inserts it notifies, so parallel graders tell once. */
async function tellOnce(
  deps: NoticeDeps,
  comment: SignatureCommentTable,
  userId: string,
  submissionId: string,
  link: string,
): Promise<boolean> {
  const now = new Date().toISOString();
  const inserted = await deps.store.db
    .insertInto('signature_notice')
    .values({
      signature_comment_id: comment.id,
      user_id: userId,
      submission_id: submissionId,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['signature_comment_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await notify(deps, {
    userId,
    kind: 'signature-comment',
    summary: `Your mentor explained a failure in ${comment.exercise}: ${comment.signature}`,
    link,
    submissionId,
  });
  return true;
}

/** The lesson page that embeds the exercise, where the learner's workbench shows the comment. */
async function exerciseLink(catalog: ExerciseCatalog, exercise: string): Promise<string> {
  const lesson = await catalog
    .load(exercise)
    .then((e) => e.bundle.meta.lesson)
    .catch(() => undefined);
  return lesson ? `/lessons/${lesson}/#exercise-${exercise}` : '/team/';
}

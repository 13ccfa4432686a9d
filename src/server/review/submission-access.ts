import { requireViewer, type Viewer } from '../auth/access.ts';
import { HttpError } from '../http.ts';
import type { Store } from '../store/database.ts';
import type { ReviewThreadTable, SubmissionTable } from '../store/schema.ts';

/** A revision the caller may see, with its cohort and whether the caller reviews it. */
export interface SubmissionAccess {
  viewer: Viewer;
  submission: SubmissionTable;
  cohortId: string;
  /** Owner of the team, or a mentor of the submission's cohort. */
  staff: boolean;
}

/**
 * The revision if the caller is its learner, a mentor of its cohort or an owner. Anyone else gets 404, as
 * for cohorts and assignments, so submission ids cannot be probed.
 */
export async function requireSubmission(store: Store, viewer: Viewer | null, id: string): Promise<SubmissionAccess> {
  const v = requireViewer(viewer);
  const row = await store.db
    .selectFrom('submission')
    .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
    .selectAll('submission')
    .select('assignment.cohort_id')
    .where('submission.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'No such submission.');
  const { cohort_id: cohortId, ...submission } = row;
  const staff = v.owner || v.cohorts.get(cohortId) === 'mentor';
  if (!staff && submission.user_id !== v.id) throw new HttpError(404, 'No such submission.');
  return { viewer: v, submission, cohortId, staff };
}

/** As requireSubmission, for the cohort's mentors and the owners; its learner is told it is not theirs to do. */
export async function requireSubmissionStaff(
  store: Store,
  viewer: Viewer | null,
  id: string,
): Promise<SubmissionAccess> {
  const access = await requireSubmission(store, viewer, id);
  if (!access.staff) throw new HttpError(403, 'Only the cohort’s mentors and the team’s owners review submissions.');
  return access;
}

/** A thread with the revision it was written on, if the caller may see that revision (else 404). */
export async function requireThread(
  store: Store,
  viewer: Viewer | null,
  id: string,
): Promise<SubmissionAccess & { thread: ReviewThreadTable }> {
  const thread = await store.db.selectFrom('review_thread').selectAll().where('id', '=', id).executeTakeFirst();
  if (!thread) throw new HttpError(404, 'No such thread.');
  const access = await requireSubmission(store, viewer, thread.submission_id).catch(() => {
    throw new HttpError(404, 'No such thread.');
  });
  return { ...access, thread };
}

/** Every revision of the same learner's work on the same exercise of the same assignment, oldest first. */
export function lineOfWork(store: Store, submission: SubmissionTable) {
  return store.db
    .selectFrom('submission')
    .selectAll()
    .where('assignment_id', '=', submission.assignment_id)
    .where('user_id', '=', submission.user_id)
    .where('exercise', '=', submission.exercise)
    .orderBy('revision')
    .execute();
}

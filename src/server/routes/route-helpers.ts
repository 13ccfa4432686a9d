import type { Context } from 'hono';
import type { z } from 'astro/zod';
import { idSchema } from '../../shared-api/team-api.ts';
import type { AppEnv } from '../context.ts';
import { DEFAULT_BODY_LIMIT, HttpError, param, readJson } from '../http.ts';
import { requireCohortMember, requireCohortStaff, requireViewer, type Viewer } from '../auth/access.ts';
import { assertStaff, requireAssignment, type AssignmentAccess } from '../auth/assignment-access.ts';
import type { Store } from '../store/database.ts';
import type { SubmissionTable } from '../store/schema.ts';

/**
 * The preamble of a route about one cohort, assignment or submission named by `:id` in its path, in one
 * call, always in this order:
 *
 * 1. the id in the path is an id (400);
 * 2. someone is signed in (401);
 * 3. the thing exists and the caller may see it: anyone else gets 404, so ids cannot be probed; a member
 *    of the cohort without the role the route needs gets 403, since they know it exists;
 * 4. last, when `body` is given, the JSON body against its zod schema (415, 413, 400 naming the field), so
 *    a caller who is refused never has their body read.
 *
 * ```ts
 * app.post('/api/cohorts/:id/things', async (c) => {
 *   const { id, viewer, body } = await cohortRequest(c, store, 'staff', { body: createThingSchema });
 * ```
 *
 * Who may call, per resource:
 * - cohort: `member` (any role, or an owner of the team), `staff` (its mentors and the owners);
 * - assignment: as its cohort, and `learner` (only the cohort's learners: submitting work);
 * - submission: `own-or-staff` (the learner who submitted it, and the staff of its cohort), `staff`.
 */

export type CohortCaller = 'member' | 'staff';
export type AssignmentCaller = 'member' | 'staff' | 'learner';
export type SubmissionCaller = 'own-or-staff' | 'staff';

/** The JSON body to read once the caller is let in, and its size limit (DEFAULT_BODY_LIMIT otherwise). */
export interface BodyOption<S extends z.ZodType | undefined> {
  body?: S;
  limit?: number;
}

/** What the preamble read: the body is undefined when no schema was given. */
type WithBody<T, S extends z.ZodType | undefined> = T & {
  body: S extends z.ZodType ? z.infer<S> : undefined;
};

export async function cohortRequest<S extends z.ZodType | undefined = undefined>(
  c: Context<AppEnv>,
  store: Store,
  caller: CohortCaller,
  options: BodyOption<S> = {},
): Promise<WithBody<{ id: string; viewer: Viewer }, S>> {
  const id = param(c, 'id', idSchema);
  const viewer =
    caller === 'staff'
      ? await requireCohortStaff(store, c.get('viewer'), id)
      : await requireCohortMember(store, c.get('viewer'), id);
  return { id, viewer, body: await bodyOf(c, options) };
}

export async function assignmentRequest<S extends z.ZodType | undefined = undefined>(
  c: Context<AppEnv>,
  store: Store,
  caller: AssignmentCaller,
  options: BodyOption<S> = {},
): Promise<WithBody<AssignmentAccess & { id: string }, S>> {
  const id = param(c, 'id', idSchema);
  const access = await requireAssignment(store, c.get('viewer'), id);
  if (caller === 'staff') assertStaff(access);
  if (caller === 'learner' && access.viewer.cohorts.get(access.assignment.cohort_id) !== 'learner')
    throw new HttpError(403, 'Only learners of the cohort can do this.');
  return { ...access, id, body: await bodyOf(c, options) };
}

export async function submissionRequest<S extends z.ZodType | undefined = undefined>(
  c: Context<AppEnv>,
  store: Store,
  caller: SubmissionCaller,
  options: BodyOption<S> = {},
): Promise<WithBody<AssignmentAccess & { id: string; submission: SubmissionTable }, S>> {
  const id = param(c, 'id', idSchema);
  const viewer = requireViewer(c.get('viewer'));
  const submission = await store.db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
  const hidden = new HttpError(404, 'No such submission.');
  if (!submission) throw hidden;
  // Someone outside the cohort must not learn that the submission exists: the assignment's 404 becomes ours.
  const access = await requireAssignment(store, viewer, submission.assignment_id).catch(() => {
    throw hidden;
  });
  const own = submission.user_id === viewer.id;
  if (!access.staff && !own) throw hidden;
  if (caller === 'staff') assertStaff(access);
  return { ...access, id, submission, body: await bodyOf(c, options) };
}

async function bodyOf<S extends z.ZodType | undefined>(
  c: Context<AppEnv>,
  { body, limit = DEFAULT_BODY_LIMIT }: BodyOption<S>,
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
  return (body === undefined ? undefined : await readJson(c, body, limit)) as S extends z.ZodType
    ? z.infer<S>
    : undefined;
}

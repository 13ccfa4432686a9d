import type { Hono } from 'hono';
import { visibleStarter, pathsWithRole } from '../../runtime/exercise/bundle.ts';
import type { Submission } from '../../shared-api/assignments-api.ts';
import { inboxSchema, reviewViewSchema, setAssigneeSchema } from '../../shared-api/review-api.ts';
import { idSchema } from '../../shared-api/team-api.ts';
import { requireViewer } from '../auth/access.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { inboxItems } from '../review/inbox-query.ts';
import { judgmentAnswers } from '../review/judgment-answers.ts';
import { lineOfWork, requireSubmissionStaff } from '../review/submission-access.ts';
import type { Store } from '../store/database.ts';
import { submissionViews } from './submissions.ts';

/** The mentor's inbox, the review page's data, and handing a learner's work to another mentor. */
export function reviewInboxRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store, catalog } = deps;

  app.get('/api/review/inbox', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const cohortIds = viewer.owner
      ? (await store.db.selectFrom('cohort').select('id').execute()).map((r) => r.id)
      : [...viewer.cohorts].filter(([, role]) => role === 'mentor').map(([id]) => id);
    if (!viewer.owner && cohortIds.length === 0)
      throw new HttpError(403, 'Only mentors and owners have a review inbox.');
    const all = await inboxItems(store, cohortIds);
    const isMine = (item: (typeof all)[number]) => item.assignee === null || item.assignee.id === viewer.id;
    const mine = c.req.query('mine') === '1';
    const cohortsListed = [...new Set(all.map((i) => i.cohortId))];
    return reply(c, inboxSchema, {
      items: mine ? all.filter(isMine) : all,
      mine: all.filter(isMine).length,
      mentors: (await cohortMentors(store, cohortsListed)).map((m) => ({
        cohortId: m.cohort_id,
        mentor: { id: m.id, name: m.name },
      })),
    });
  });

  app.post('/api/submissions/:id/assignee', async (c) => {
    const { viewer, submission, cohortId } = await requireSubmissionStaff(
      store,
      c.get('viewer'),
      param(c, 'id', idSchema),
    );
    const body = await readJson(c, setAssigneeSchema);
    const key = { assignment_id: submission.assignment_id, user_id: submission.user_id, exercise: submission.exercise };
    if (body.mentorId === null) {
      await store.db
        .deleteFrom('review_assignee')
        .where('assignment_id', '=', key.assignment_id)
        .where('user_id', '=', key.user_id)
        .where('exercise', '=', key.exercise)
        .execute();
      return c.body(null, 204);
    }
    const mentor = (await cohortMentors(store, [cohortId])).find((m) => m.id === body.mentorId);
    if (!mentor) throw new HttpError(400, 'mentorId: must be a mentor of this cohort', 'mentorId');
    const now = new Date().toISOString();
    await store.db
      .insertInto('review_assignee')
      .values({ ...key, mentor_id: mentor.id, assigned_by: viewer.id, created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc
          .columns(['assignment_id', 'user_id', 'exercise'])
          .doUpdateSet({ mentor_id: mentor.id, assigned_by: viewer.id, updated_at: now }),
      )
      .execute();
    return c.body(null, 204);
  });

  app.get('/api/submissions/:id/review', async (c) => {
    const { submission, cohortId } = await requireSubmissionStaff(store, c.get('viewer'), param(c, 'id', idSchema));
    const revisions = await lineOfWork(store, submission);
    const previous = revisions.filter((r) => r.revision < submission.revision).at(-1);
    const [view] = (await submissionViews(store, catalog, [submission])) as [Submission];
    // Only the visible starter leaves the server: hidden tests, the solution and keys stay on it.
    const exercise = await catalog.load(submission.exercise).catch(() => undefined);
    const assignee = await store.db
      .selectFrom('review_assignee')
      .innerJoin('user', 'user.id', 'review_assignee.mentor_id')
      .select(['user.id', 'user.name'])
      .where('assignment_id', '=', submission.assignment_id)
      .where('user_id', '=', submission.user_id)
      .where('exercise', '=', submission.exercise)
      .executeTakeFirst();
    return reply(c, reviewViewSchema, {
      submission: view,
      starter: exercise ? visibleStarter(exercise.bundle) : {},
      previous: previous
        ? { id: previous.id, revision: previous.revision, files: JSON.parse(previous.files) as Record<string, string> }
        : null,
      revisions: revisions.map((r) => ({ id: r.id, revision: r.revision, submittedAt: r.submitted_at })),
      editable: exercise ? pathsWithRole(exercise.bundle.meta, 'editable') : Object.keys(view.files),
      judgment: exercise ? judgmentAnswers(exercise.bundle.meta, view) : [],
      assignee: assignee ?? null,
      mentors: (await cohortMentors(store, [cohortId])).map((m) => ({ id: m.id, name: m.name })),
    });
  });
}

function cohortMentors(store: Store, cohortIds: string[]) {
  if (cohortIds.length === 0) return Promise.resolve([]);
  return store.db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['membership.cohort_id', 'user.id', 'user.name'])
    .where('membership.cohort_id', 'in', cohortIds)
    .where('membership.role', '=', 'mentor')
    .orderBy('user.name')
    .execute();
}

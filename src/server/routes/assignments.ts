import type { Hono } from 'hono';
import {
  assignmentListSchema,
  assignmentSchema,
  createAssignmentSchema,
  extensionSchema,
  regradeResultSchema,
  type Assignment,
} from '../../shared-api/assignments-api.ts';
import { idSchema, okSchema } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, reply } from '../http.ts';
import { requireViewer, type Viewer } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import { enqueue } from '../grading/queue.ts';
import type { Store } from '../store/database.ts';
import type { AssignmentTable } from '../store/schema.ts';
import { assignmentRequest, cohortRequest } from './route-helpers.ts';

/** Assignments of a cohort: mentors and owners create them and grant extensions; its learners read them. */
export function assignmentRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store, catalog } = deps;

  app.get('/api/cohorts/:id/assignments', async (c) => {
    const { id, viewer } = await cohortRequest(c, store, 'member');
    const rows = await store.db.selectFrom('assignment').selectAll().where('cohort_id', '=', id).execute();
    return reply(c, assignmentListSchema, { assignments: await assignmentViews(store, rows, viewer) });
  });

  app.post('/api/cohorts/:id/assignments', async (c) => {
    const { id, viewer, body } = await cohortRequest(c, store, 'staff', { body: createAssignmentSchema });
    let exercises: string[];
    let title: string;
    if (body.exercises) {
      for (const [i, slug] of body.exercises.entries()) {
        if (!(await catalog.has(slug)))
          throw new HttpError(400, `exercises.${i}: no exercise "${slug}"`, `exercises.${i}`);
      }
      exercises = [...new Set(body.exercises)];
      title = exercises.join(', ');
    } else if (body.lesson) {
      const found = await catalog.lessonExercises(body.lesson);
      if (!found) throw new HttpError(400, `lesson: no lesson "${body.lesson}"`, 'lesson');
      exercises = found;
      title = body.lesson;
    } else {
      const found = await catalog.trackExercises(body.track ?? '');
      if (!found) throw new HttpError(400, `track: no track "${body.track}"`, 'track');
      exercises = found;
      title = body.track ?? '';
    }
    if (exercises.length === 0) throw new HttpError(400, 'The lesson or track has no exercises to assign.', 'lesson');
    const now = new Date().toISOString();
    const opensAt = body.opensAt ?? now;
    if (body.dueAt < opensAt) throw new HttpError(400, 'dueAt: must not be before opensAt', 'dueAt');
    const row: AssignmentTable = {
      id: newId(),
      cohort_id: id,
      title: body.title ?? title,
      mode: body.mode,
      opens_at: opensAt,
      due_at: body.dueAt,
      cutoff_at: body.cutoffAt ?? null,
      note: body.note,
      created_by: viewer.id,
      created_at: now,
      updated_at: now,
    };
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('assignment').values(row).execute();
      await trx
        .insertInto('assignment_exercise')
        .values(
          exercises.map((exercise, position) => ({
            assignment_id: row.id,
            exercise,
            position,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    });
    const [view] = await assignmentViews(store, [row], viewer);
    return reply(c, assignmentSchema, view as Assignment, 201);
  });

  /** Every assignment of every cohort the caller learns in: the progress page and the exercise banner. */
  app.get('/api/me/assignments', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const cohorts = [...viewer.cohorts].filter(([, role]) => role === 'learner').map(([id]) => id);
    if (cohorts.length === 0) return reply(c, assignmentListSchema, { assignments: [] });
    const rows = await store.db.selectFrom('assignment').selectAll().where('cohort_id', 'in', cohorts).execute();
    return reply(c, assignmentListSchema, { assignments: await assignmentViews(store, rows, viewer) });
  });

  app.put('/api/assignments/:id/extensions/:userId', async (c) => {
    const userId = param(c, 'userId', idSchema);
    const {
      id,
      assignment,
      body: { dueAt },
    } = await assignmentRequest(c, store, 'staff', { body: extensionSchema });
    const member = await store.db
      .selectFrom('membership')
      .select('user_id')
      .where('cohort_id', '=', assignment.cohort_id)
      .where('user_id', '=', userId)
      .where('role', '=', 'learner')
      .executeTakeFirst();
    if (!member) throw new HttpError(404, 'No such learner in this cohort.');
    const now = new Date().toISOString();
    await store.db
      .insertInto('assignment_extension')
      .values({ assignment_id: id, user_id: userId, due_at: dueAt, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['assignment_id', 'user_id']).doUpdateSet({ due_at: dueAt, updated_at: now }))
      .execute();
    return reply(c, okSchema, { ok: true });
  });

  /**
   * Regrades every submission of the assignment against the exercises' current content: one job per
   * submission whose current content hash has no job yet. Old reports stay; new ones carry the new hash.
   */
  app.post('/api/assignments/:id/regrade', async (c) => {
    const { id } = await assignmentRequest(c, store, 'staff');
    const rows = await store.db
      .selectFrom('submission')
      .select(['id', 'exercise'])
      .where('assignment_id', '=', id)
      .execute();
    const hashes = new Map<string, string>();
    let enqueued = 0;
    for (const row of rows) {
      let hash = hashes.get(row.exercise);
      if (hash === undefined) {
        hash = await catalog.contentHash(row.exercise);
        hashes.set(row.exercise, hash);
      }
      if (await enqueue(store.db, row.id, hash)) enqueued++;
    }
    if (enqueued > 0) deps.nudgeGrader();
    return reply(c, regradeResultSchema, { enqueued });
  });
}

/** Assignments with their exercises, assigner and, per caller, extensions (staff) or own due time (learner). */
export async function assignmentViews(store: Store, rows: AssignmentTable[], viewer: Viewer): Promise<Assignment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [exercises, extensions, cohorts, people] = await Promise.all([
    store.db
      .selectFrom('assignment_exercise')
      .select(['assignment_id', 'exercise'])
      .where('assignment_id', 'in', ids)
      .orderBy('position')
      .execute(),
    store.db
      .selectFrom('assignment_extension')
      .select(['assignment_id', 'user_id', 'due_at'])
      .where('assignment_id', 'in', ids)
      .execute(),
    store.db
      .selectFrom('cohort')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.cohort_id),
      )
      .execute(),
    store.db
      .selectFrom('user')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.created_by ?? ''),
      )
      .execute(),
  ]);
  return rows
    .map((row) => {
      const staff = viewer.owner || viewer.cohorts.get(row.cohort_id) === 'mentor';
      const mine = extensions.find((e) => e.assignment_id === row.id && e.user_id === viewer.id);
      return {
        id: row.id,
        cohortId: row.cohort_id,
        cohortName: cohorts.find((c) => c.id === row.cohort_id)?.name ?? '',
        title: row.title,
        mode: row.mode,
        exercises: exercises.filter((e) => e.assignment_id === row.id).map((e) => e.exercise),
        opensAt: row.opens_at,
        dueAt: row.due_at,
        myDueAt: !staff && mine ? mine.due_at : row.due_at,
        cutoffAt: row.cutoff_at,
        note: row.note,
        assignedBy: people.find((p) => p.id === row.created_by)?.name ?? 'a former mentor',
        ...(staff
          ? {
              extensions: extensions
                .filter((e) => e.assignment_id === row.id)
                .map((e) => ({ userId: e.user_id, dueAt: e.due_at })),
            }
          : {}),
      };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

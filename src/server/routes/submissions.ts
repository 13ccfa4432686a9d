import type { Hono } from 'hono';
import {
  createSubmissionSchema,
  submissionListSchema,
  submissionSchema,
  type Submission,
} from '../../shared-api/assignments-api.ts';
import { idSchema } from '../../shared-api/team-api.ts';
import { checkReportSchema } from '../../runtime/report/check-report.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, reply, SYNC_BODY_LIMIT } from '../http.ts';
import { newId } from '../auth/tokens.ts';
import type { ExerciseCatalog } from '../grading/exercise-catalog.ts';
import { enqueue, queuePosition } from '../grading/queue.ts';
import type { Store } from '../store/database.ts';
import type { SubmissionTable } from '../store/schema.ts';
import { assignmentRequest, submissionRequest } from './route-helpers.ts';

/** Submitting work (learners of the cohort) and reading revisions with both reports (their learner, staff). */
export function submissionRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store, catalog } = deps;

  app.post('/api/assignments/:id/submissions', async (c) => {
    const { id, viewer, assignment, body } = await assignmentRequest(c, store, 'learner', {
      body: createSubmissionSchema,
      limit: SYNC_BODY_LIMIT,
    });
    const listed = await store.db
      .selectFrom('assignment_exercise')
      .select('exercise')
      .where('assignment_id', '=', id)
      .where('exercise', '=', body.exercise)
      .executeTakeFirst();
    if (!listed) throw new HttpError(400, `exercise: "${body.exercise}" is not part of this assignment`, 'exercise');
    const now = new Date().toISOString();
    const extension = await store.db
      .selectFrom('assignment_extension')
      .select('due_at')
      .where('assignment_id', '=', id)
      .where('user_id', '=', viewer.id)
      .executeTakeFirst();
    const due = extension?.due_at ?? assignment.due_at;
    if (now < assignment.opens_at) throw new HttpError(409, `This assignment opens at ${assignment.opens_at}.`);
    // An extension moves the learner's cut-off with their due time: they must not be refused before it.
    const cutoff =
      assignment.cutoff_at && (extension && extension.due_at > assignment.cutoff_at ? null : assignment.cutoff_at);
    if (cutoff && now > cutoff)
      throw new HttpError(409, `Submissions closed at ${cutoff}; ask your mentor for an extension.`);
    const contentHash = await catalog.contentHash(body.exercise);
    const row = await insertRevision(store, {
      id: newId(),
      assignment_id: id,
      user_id: viewer.id,
      exercise: body.exercise,
      files: JSON.stringify(body.files),
      browser_report: body.browserReport ? JSON.stringify(body.browserReport) : null,
      content_hash: contentHash,
      engine_versions: JSON.stringify(body.engineVersions),
      submitted_at: now,
      late: now > due ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    deps.nudgeGrader();
    const [view] = await submissionViews(store, catalog, [row]);
    return reply(c, submissionSchema, view as Submission, 201);
  });

  /** Staff: every learner's revisions (or one learner's with ?learner=); a learner: their own only. */
  app.get('/api/assignments/:id/submissions', async (c) => {
    const { id, viewer, staff } = await assignmentRequest(c, store, 'member');
    const learner = c.req.query('learner');
    if (learner !== undefined && !idSchema.safeParse(learner).success)
      throw new HttpError(400, 'learner: must be an id', 'learner');
    let query = store.db.selectFrom('submission').selectAll().where('assignment_id', '=', id);
    if (!staff) query = query.where('user_id', '=', viewer.id);
    else if (learner) query = query.where('user_id', '=', learner);
    const rows = await query.orderBy('submitted_at').orderBy('revision').execute();
    return reply(c, submissionListSchema, { submissions: await submissionViews(store, catalog, rows) });
  });

  /** One revision, polled by the browser until its server verdict arrives. */
  app.get('/api/submissions/:id', async (c) => {
    const { submission } = await submissionRequest(c, store, 'own-or-staff');
    const [view] = await submissionViews(store, catalog, [submission]);
    return reply(c, submissionSchema, view as Submission);
  });
}

/** Inserts the next revision and its grading job in one transaction; retries when a parallel submit took the number. */
async function insertRevision(store: Store, row: Omit<SubmissionTable, 'revision'>): Promise<SubmissionTable> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        const top = await trx
          .selectFrom('submission')
          .select((eb) => eb.fn.max('revision').as('revision'))
          .where('assignment_id', '=', row.assignment_id)
          .where('user_id', '=', row.user_id)
          .where('exercise', '=', row.exercise)
          .executeTakeFirst();
        const full: SubmissionTable = { ...row, revision: Number(top?.revision ?? 0) + 1 };
        await trx.insertInto('submission').values(full).execute();
        await enqueue(trx, full.id, full.content_hash);
        return full;
      });
    } catch (error) {
      if (attempt >= 4 || !/unique|duplicate/i.test(error instanceof Error ? error.message : '')) throw error;
    }
  }
}

/** Revisions with their learner's name, reports and newest job, in a fixed number of queries. */
export async function submissionViews(
  store: Store,
  catalog: ExerciseCatalog,
  rows: SubmissionTable[],
): Promise<Submission[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [reports, jobs, people] = await Promise.all([
    store.db.selectFrom('server_report').selectAll().where('submission_id', 'in', ids).orderBy('created_at').execute(),
    store.db.selectFrom('grading_job').selectAll().where('submission_id', 'in', ids).orderBy('enqueued_at').execute(),
    store.db
      .selectFrom('user')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.user_id),
      )
      .execute(),
  ]);
  const current = new Map<string, string>();
  for (const exercise of new Set(rows.map((r) => r.exercise))) {
    current.set(exercise, await catalog.contentHash(exercise).catch(() => ''));
  }
  return Promise.all(
    rows.map(async (row) => {
      const mine = reports.filter((r) => r.submission_id === row.id);
      const job = jobs.filter((j) => j.submission_id === row.id).at(-1);
      const serverReports = mine.map((r) => ({
        id: r.id,
        contentHash: r.content_hash,
        current: r.content_hash === current.get(row.exercise),
        engineVersions: JSON.parse(r.engine_versions) as Record<string, string>,
        report: checkReportSchema.parse(JSON.parse(r.report)),
        mismatch: JSON.parse(r.mismatch) as string[],
        gradedAt: r.created_at,
      }));
      return {
        id: row.id,
        assignmentId: row.assignment_id,
        userId: row.user_id,
        learnerName: people.find((p) => p.id === row.user_id)?.name ?? '',
        exercise: row.exercise,
        revision: row.revision,
        submittedAt: row.submitted_at,
        late: row.late === 1,
        contentHash: row.content_hash,
        engineVersions: JSON.parse(row.engine_versions) as Record<string, string>,
        files: JSON.parse(row.files) as Record<string, string>,
        browserReport: row.browser_report ? checkReportSchema.parse(JSON.parse(row.browser_report)) : null,
        serverReports,
        grading: job
          ? {
              state: job.status,
              queuePosition: await queuePosition(store, job),
              attempts: job.attempts,
              error: job.last_error,
            }
          : null,
        verdict: serverReports.at(-1)?.report.verdict ?? null,
      };
    }),
  );
}

import type { Hono } from 'hono';
import {
  createDecisionSchema,
  decisionListSchema,
  decisionSchema,
  type Decision,
} from '../../shared-api/review-api.ts';
import { idSchema } from '../../shared-api/team-api.ts';
import { newId } from '../auth/tokens.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { learnerLink } from '../review/links.ts';
import { notify } from '../review/notify.ts';
import { lineOfWork, requireSubmission, requireSubmissionStaff } from '../review/submission-access.ts';
import type { Store } from '../store/database.ts';
import type { ReviewDecisionTable, SubmissionTable } from '../store/schema.ts';

/** The mentor's end of a review: approve or request changes; the learner and the mentors read them. */
export function reviewDecisionRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.post('/api/submissions/:id/decision', async (c) => {
    const id = param(c, 'id', idSchema);
    const { viewer, submission } = await requireSubmissionStaff(store, c.get('viewer'), id);
    const body = await readJson(c, createDecisionSchema);
    const revisions = (await lineOfWork(store, submission)).filter((r) => r.revision <= submission.revision);
    if (body.decision === 'approve') {
      const blocking = await store.db
        .selectFrom('review_thread')
        .select(['file', 'start_line'])
        .where(
          'submission_id',
          'in',
          revisions.map((r) => r.id),
        )
        .where('blocking', '=', 1)
        .where('resolved', '=', 0)
        .orderBy('created_at')
        .execute();
      if (blocking.length > 0) {
        const where = blocking.map((t) => `${t.file} line ${t.start_line}`).join(', ');
        throw new HttpError(
          409,
          `Resolve the blocking ${blocking.length === 1 ? 'thread' : 'threads'} first (${where}), or request changes.`,
        );
      }
    }
    const now = new Date().toISOString();
    const row: ReviewDecisionTable = {
      id: newId(),
      submission_id: id,
      mentor_id: viewer.id,
      decision: body.decision,
      body: body.body,
      created_at: now,
      updated_at: now,
    };
    await store.db.insertInto('review_decision').values(row).execute();
    await notify(deps, {
      userId: submission.user_id,
      kind: 'decision',
      summary: `${viewer.name} ${body.decision === 'approve' ? 'approved' : 'requested changes to'} revision ${submission.revision} of ${submission.exercise}`,
      link: await learnerLink(deps, submission),
      submissionId: id,
    });
    const [view] = await decisionViews(store, [row], revisions);
    return reply(c, decisionSchema, view as Decision, 201);
  });

  app.get('/api/submissions/:id/decisions', async (c) => {
    const { submission } = await requireSubmission(store, c.get('viewer'), param(c, 'id', idSchema));
    const revisions = (await lineOfWork(store, submission)).filter((r) => r.revision <= submission.revision);
    const rows = await store.db
      .selectFrom('review_decision')
      .selectAll()
      .where(
        'submission_id',
        'in',
        revisions.map((r) => r.id),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return reply(c, decisionListSchema, { decisions: await decisionViews(store, rows, revisions) });
  });
}

async function decisionViews(
  store: Store,
  rows: ReviewDecisionTable[],
  revisions: SubmissionTable[],
): Promise<Decision[]> {
  const mentorIds = [...new Set(rows.map((r) => r.mentor_id).filter((m): m is string => m !== null))];
  const people =
    mentorIds.length === 0
      ? []
      : await store.db.selectFrom('user').select(['id', 'name']).where('id', 'in', mentorIds).execute();
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submission_id,
    revision: revisions.find((s) => s.id === r.submission_id)?.revision ?? 0,
    decision: r.decision,
    body: r.body,
    mentorName: people.find((p) => p.id === r.mentor_id)?.name ?? 'Former mentor',
    createdAt: r.created_at,
  }));
}

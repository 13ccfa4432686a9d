import type { Hono } from 'hono';
import {
  cohortSignalsSchema,
  createSignatureCommentSchema,
  disagreementKindSchema,
  disagreementListSchema,
  signatureCommentListSchema,
  signatureCommentWithReachSchema,
} from '../../shared-api/review-api.ts';
import { idSchema } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, reply } from '../http.ts';
import { requireViewer, type Viewer } from '../auth/access.ts';
import { requireAssignment } from '../auth/assignment-access.ts';
import { newId } from '../auth/tokens.ts';
import { disagreementFixture, listDisagreements } from '../review/disagreements.ts';
import { currentSignatures, noticeExistingLearners, reachOf } from '../review/signatures.ts';
import { tarArchive } from '../review/tar.ts';
import { cohortRequest } from './route-helpers.ts';
import type { Store } from '../store/database.ts';
import type { SignatureCommentTable } from '../store/schema.ts';

/**
 * What none of the anchors has: comments on a failure signature for a whole cohort (with their reach), and
 * the disagreements between the browser, the server and the mentor, each exportable as a wrong-answer
 * fixture. Shapes in src/shared-api/review-api.ts.
 */
export function signalRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store, catalog } = deps;

  /** Staff: the failure signatures of the cohort's current revisions, most common first, and the comments. */
  app.get('/api/cohorts/:id/signals', async (c) => {
    const { id: cohortId } = await cohortRequest(c, store, 'staff');
    const [grouped, comments, reach] = await Promise.all([
      store.db
        .selectFrom(currentSignatures(store.db, cohortId).as('cur'))
        .select((eb) => [
          'cur.exercise',
          'cur.check_id',
          'cur.signature_kind',
          'cur.signature',
          eb.fn.count<number>('cur.user_id').distinct().as('learners'),
        ])
        .groupBy(['cur.exercise', 'cur.check_id', 'cur.signature_kind', 'cur.signature'])
        .execute(),
      commentsWithAuthors(store).where('sc.cohort_id', '=', cohortId).orderBy('sc.created_at', 'desc').execute(),
      reachOf(store.db, cohortId),
    ]);
    const signatures = grouped
      .map((g) => ({
        exercise: g.exercise,
        signature: { checkId: g.check_id, kind: g.signature_kind, value: g.signature },
        learners: Number(g.learners),
      }))
      .sort(
        (a, b) =>
          b.learners - a.learners ||
          a.exercise.localeCompare(b.exercise) ||
          a.signature.value.localeCompare(b.signature.value),
      );
    return reply(c, cohortSignalsSchema, {
      signatures,
      comments: comments.map((row) => ({ ...commentView(row), reach: reach.get(row.id) ?? 0 })),
    });
  });

  /** Staff: a comment on one failure; every learner whose current revision carries it is told once. */
  app.post('/api/cohorts/:id/signature-comments', async (c) => {
    const {
      id: cohortId,
      viewer,
      body,
    } = await cohortRequest(c, store, 'staff', { body: createSignatureCommentSchema });
    const assigned = await store.db
      .selectFrom('assignment_exercise as ae')
      .innerJoin('assignment as a', 'a.id', 'ae.assignment_id')
      .select('ae.exercise')
      .where('a.cohort_id', '=', cohortId)
      .where('ae.exercise', '=', body.exercise)
      .executeTakeFirst();
    if (!assigned) throw new HttpError(400, `exercise: "${body.exercise}" is not assigned in this cohort`, 'exercise');
    const now = new Date().toISOString();
    const row: SignatureCommentTable = {
      id: newId(),
      cohort_id: cohortId,
      exercise: body.exercise,
      check_id: body.signature.checkId,
      signature_kind: body.signature.kind,
      signature: body.signature.value,
      label: body.label,
      body: body.body,
      author_id: viewer.id,
      created_at: now,
      updated_at: now,
    };
    await store.db.insertInto('signature_comment').values(row).execute();
    const reach = await noticeExistingLearners(deps, row);
    return reply(
      c,
      signatureCommentWithReachSchema,
      { ...commentView({ ...row, author_name: viewer.name }), reach },
      201,
    );
  });

  /** The revision's learner or the cohort's staff: signature comments its newest server report matches. */
  app.get('/api/submissions/:id/signature-comments', async (c) => {
    const id = param(c, 'id', idSchema);
    const { submission } = await readableSubmission(store, c.get('viewer'), id);
    const newest = await store.db
      .selectFrom('server_report')
      .select('id')
      .where('submission_id', '=', id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!newest) return reply(c, signatureCommentListSchema, { comments: [] });
    const rows = await commentsWithAuthors(store)
      .innerJoin('report_signature as rs', (join) =>
        join
          .onRef('rs.check_id', '=', 'sc.check_id')
          .onRef('rs.signature_kind', '=', 'sc.signature_kind')
          .onRef('rs.signature', '=', 'sc.signature'),
      )
      .where('rs.server_report_id', '=', newest.id)
      .where('sc.cohort_id', '=', submission.cohort_id)
      .where('sc.exercise', '=', submission.exercise)
      .orderBy('sc.created_at')
      .execute();
    return reply(c, signatureCommentListSchema, { comments: rows.map(commentView) });
  });

  /** Staff: the cohort's disagreements, newest first. */
  app.get('/api/cohorts/:id/disagreements', async (c) => {
    const { id: cohortId } = await cohortRequest(c, store, 'staff');
    return reply(c, disagreementListSchema, { disagreements: await listDisagreements(store.db, { cohortId }) });
  });

  /** Staff: a disagreement as a tar of the fixture folder the exercise author drops into fixtures/wrong/. */
  app.get('/api/submissions/:id/fixture', async (c) => {
    const id = param(c, 'id', idSchema);
    const { staff } = await readableSubmission(store, c.get('viewer'), id);
    if (!staff) throw new HttpError(403, 'Only the cohort’s mentors and the team’s owners export fixtures.');
    const asked = disagreementKindSchema.optional().safeParse(c.req.query('kind'));
    if (!asked.success) throw new HttpError(400, 'kind: must be verdict-mismatch or changes-requested', 'kind');
    const kind = asked.data;
    const found = await listDisagreements(store.db, { submissionId: id });
    const disagreement = found.find((d) => kind === undefined || d.kind === kind);
    if (!disagreement) throw new HttpError(409, 'This revision is no disagreement: there is nothing to export.');
    const { name, entries } = await disagreementFixture(store.db, catalog, id, disagreement);
    return c.body(tarArchive(entries), 200, {
      'content-type': 'application/x-tar',
      'content-disposition': `attachment; filename="${name}.tar"`,
    });
  });
}

/** The revision with its cohort, if the caller is its learner or staff of its cohort; 404 otherwise. */
async function readableSubmission(store: Store, viewerOrNull: Viewer | null, id: string) {
  const viewer = requireViewer(viewerOrNull);
  const submission = await store.db
    .selectFrom('submission as s')
    .innerJoin('assignment as a', 'a.id', 's.assignment_id')
    .select(['s.id', 's.user_id', 's.exercise', 's.assignment_id', 'a.cohort_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!submission) throw new HttpError(404, 'No such submission.');
  const { staff } = await requireAssignment(store, viewer, submission.assignment_id).catch(() => {
    throw new HttpError(404, 'No such submission.');
  });
  if (!staff && submission.user_id !== viewer.id) throw new HttpError(404, 'No such submission.');
  return { submission, staff };
}

function commentsWithAuthors(store: Store) {
  return store.db
    .selectFrom('signature_comment as sc')
    .leftJoin('user as u', 'u.id', 'sc.author_id')
    .select([
      'sc.id',
      'sc.exercise',
      'sc.check_id',
      'sc.signature_kind',
      'sc.signature',
      'sc.label',
      'sc.body',
      'sc.created_at',
      'u.name as author_name',
    ]);
}

function commentView(
  row: Pick<
    SignatureCommentTable,
    'id' | 'exercise' | 'check_id' | 'signature_kind' | 'signature' | 'label' | 'body' | 'created_at'
  > & { author_name: string | null },
) {
  return {
    id: row.id,
    exercise: row.exercise,
    signature: { checkId: row.check_id, kind: row.signature_kind, value: row.signature },
    label: row.label,
    body: row.body,
    authorName: row.author_name ?? 'A former mentor',
    createdAt: row.created_at,
  };
}

import type { Hono } from 'hono';
import { anchorText } from '../../runtime/comments/re-anchor.ts';
import {
  commentSchema,
  createCommentSchema,
  createThreadSchema,
  resolveThreadSchema,
  threadListSchema,
  threadSchema,
  type Thread,
} from '../../shared-api/review-api.ts';
import { idSchema } from '../../shared-api/team-api.ts';
import { newId } from '../auth/tokens.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { learnerLink, reviewLink } from '../review/links.ts';
import { notify } from '../review/notify.ts';
import { lineOfWork, requireSubmission, requireSubmissionStaff, requireThread } from '../review/submission-access.ts';
import { threadViews } from '../review/thread-views.ts';

/**
 * Comment threads on lines of a revision: mentors open them, the learner and the mentors reply, either
 * resolves. Listing places every thread of the learner's line of work on the revision asked for.
 */
export function reviewThreadRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.get('/api/submissions/:id/threads', async (c) => {
    const { submission, cohortId } = await requireSubmission(store, c.get('viewer'), param(c, 'id', idSchema));
    const revisions = (await lineOfWork(store, submission)).filter((r) => r.revision <= submission.revision);
    const threads = await store.db
      .selectFrom('review_thread')
      .selectAll()
      .where(
        'submission_id',
        'in',
        revisions.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return reply(c, threadListSchema, {
      threads: await threadViews(store, cohortId, threads, revisions, submission),
    });
  });

  app.post('/api/submissions/:id/threads', async (c) => {
    const id = param(c, 'id', idSchema);
    const { viewer, submission, cohortId } = await requireSubmissionStaff(store, c.get('viewer'), id);
    const body = await readJson(c, createThreadSchema);
    const files = JSON.parse(submission.files) as Record<string, string>;
    const text = files[body.file];
    if (text === undefined) throw new HttpError(400, `file: "${body.file}" is not a file of this revision`, 'file');
    const lineCount = text.split(/\r?\n/).length;
    if (body.lines.endLine > lineCount)
      throw new HttpError(400, `lines.endLine: ${body.file} has ${lineCount} lines`, 'lines.endLine');
    const now = new Date().toISOString();
    const thread = {
      id: newId(),
      submission_id: id,
      file: body.file,
      start_line: body.lines.startLine,
      end_line: body.lines.endLine,
      anchor_text: anchorText(text, body.lines.startLine, body.lines.endLine),
      label: body.label,
      blocking: body.blocking ? 1 : 0,
      resolved: 0,
      author_id: viewer.id,
      created_at: now,
      updated_at: now,
    };
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('review_thread').values(thread).execute();
      await trx
        .insertInto('review_comment')
        .values({
          id: newId(),
          thread_id: thread.id,
          author_id: viewer.id,
          body: body.body,
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    await notify(deps, {
      userId: submission.user_id,
      kind: 'comment',
      summary: `${viewer.name} commented (${body.label}${body.blocking ? ', blocking' : ''}) on ${body.file} line ${body.lines.startLine} of ${submission.exercise}`,
      link: await learnerLink(deps, submission),
      submissionId: id,
      threadId: thread.id,
    });
    const [view] = await threadViews(store, cohortId, [thread], [submission], submission);
    return reply(c, threadSchema, view as Thread, 201);
  });

  app.post('/api/threads/:id/comments', async (c) => {
    const { viewer, submission, thread, staff, cohortId } = await requireThread(
      store,
      c.get('viewer'),
      param(c, 'id', idSchema),
    );
    const body = await readJson(c, createCommentSchema);
    const now = new Date().toISOString();
    const comment = {
      id: newId(),
      thread_id: thread.id,
      author_id: viewer.id,
      body: body.body,
      created_at: now,
      updated_at: now,
    };
    await store.db.insertInto('review_comment').values(comment).execute();
    // A mentor's reply is for the learner; the learner's reply is for the mentor who opened the thread.
    const to = staff ? submission.user_id : thread.author_id;
    if (to && to !== viewer.id) {
      await notify(deps, {
        userId: to,
        kind: 'reply',
        summary: `${viewer.name} replied on ${thread.file} line ${thread.start_line} of ${submission.exercise}`,
        link: staff ? await learnerLink(deps, submission) : reviewLink(submission.id),
        submissionId: submission.id,
        threadId: thread.id,
      });
    }
    const role = viewer.cohorts.get(cohortId) ?? (viewer.owner ? 'owner' : '');
    return reply(
      c,
      commentSchema,
      {
        id: comment.id,
        authorId: viewer.id,
        authorName: viewer.name,
        authorRole: role,
        body: body.body,
        createdAt: now,
      },
      201,
    );
  });

  app.post('/api/threads/:id/resolve', async (c) => {
    const { submission, thread, cohortId } = await requireThread(store, c.get('viewer'), param(c, 'id', idSchema));
    const body = await readJson(c, resolveThreadSchema);
    const now = new Date().toISOString();
    await store.db
      .updateTable('review_thread')
      .set({ resolved: body.resolved ? 1 : 0, updated_at: now })
      .where('id', '=', thread.id)
      .execute();
    const written = await store.db
      .selectFrom('submission')
      .selectAll()
      .where('id', '=', thread.submission_id)
      .executeTakeFirstOrThrow();
    const [view] = await threadViews(
      store,
      cohortId,
      [{ ...thread, resolved: body.resolved ? 1 : 0, updated_at: now }],
      [written, submission],
      written,
    );
    return reply(c, threadSchema, view as Thread);
  });
}

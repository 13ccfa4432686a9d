import { reAnchor } from '../../runtime/comments/re-anchor.ts';
import type { Thread } from '../../shared-api/review-api.ts';
import type { Store } from '../store/database.ts';
import type { ReviewThreadTable, SubmissionTable } from '../store/schema.ts';

/**
 * Threads as the API shows them, placed on one revision (`on`): each re-anchored by its text on that
 * revision's files, or null when outdated. Comments, authors and roles in a fixed number of queries.
 */
export async function threadViews(
  store: Store,
  cohortId: string,
  threads: ReviewThreadTable[],
  revisions: SubmissionTable[],
  on: SubmissionTable,
): Promise<Thread[]> {
  if (threads.length === 0) return [];
  const comments = await store.db
    .selectFrom('review_comment')
    .selectAll()
    .where(
      'thread_id',
      'in',
      threads.map((t) => t.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const authorIds = [...new Set(comments.map((c) => c.author_id).filter((id): id is string => id !== null))];
  const [people, roles, owners] =
    authorIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          store.db.selectFrom('user').select(['id', 'name']).where('id', 'in', authorIds).execute(),
          store.db
            .selectFrom('membership')
            .select(['user_id', 'role'])
            .where('cohort_id', '=', cohortId)
            .where('user_id', 'in', authorIds)
            .execute(),
          store.db.selectFrom('organisation_owner').select('user_id').where('user_id', 'in', authorIds).execute(),
        ]);
  const files = JSON.parse(on.files) as Record<string, string>;
  return threads.map((thread) => {
    const written = revisions.find((r) => r.id === thread.submission_id);
    const original = { startLine: thread.start_line, endLine: thread.end_line, text: thread.anchor_text };
    return {
      id: thread.id,
      submissionId: thread.submission_id,
      revision: written?.revision ?? 0,
      file: thread.file,
      placement: reAnchor({ file: thread.file, ...original }, files),
      original,
      label: thread.label,
      blocking: thread.blocking === 1,
      resolved: thread.resolved === 1,
      comments: comments
        .filter((c) => c.thread_id === thread.id)
        .map((c) => ({
          id: c.id,
          authorId: c.author_id,
          authorName: people.find((p) => p.id === c.author_id)?.name ?? 'Former member',
          authorRole:
            roles.find((r) => r.user_id === c.author_id)?.role ??
            (owners.some((o) => o.user_id === c.author_id) ? 'owner' : ''),
          body: c.body,
          createdAt: c.created_at,
        })),
    };
  });
}

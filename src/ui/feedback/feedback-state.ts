import type { z } from 'astro/zod';
import { submissionListSchema, type Submission } from '../../shared-api/assignments-api.ts';
import {
  commentSchema,
  decisionListSchema,
  signatureCommentListSchema,
  threadListSchema,
  type Decision,
  type Thread,
} from '../../shared-api/review-api.ts';
import { ApiCallError, call } from '../team/api.ts';

export type SignatureComment = z.infer<typeof signatureCommentListSchema>['comments'][number];

/** What a mentor said about the learner's newest revision of one exercise of an assignment. */
export interface Feedback {
  /** The newest revision: threads are placed on it, and Submit makes the next one. */
  submission: Submission;
  threads: Thread[];
  /** The newest decision on this line of work, or null before the mentor decided. */
  decision: Decision | null;
  /** Comments on a failure this revision's server report carries (none where that route is absent). */
  signatureComments: SignatureComment[];
}

/**
 * Loads the review of the learner's own work, in at most four calls: the revisions, then the threads,
 * the decisions and the signature comments of the newest one. Undefined when nothing was submitted yet.
 */
export async function loadFeedback(assignmentId: string, slug: string): Promise<Feedback | undefined> {
  const { submissions } = await call('GET', `/api/assignments/${assignmentId}/submissions`, submissionListSchema);
  const submission = submissions
    .filter((s) => s.exercise === slug)
    .reduce<Submission | undefined>((newest, s) => (!newest || s.revision > newest.revision ? s : newest), undefined);
  if (!submission) return undefined;
  const [threads, decisions, signatureComments] = await Promise.all([
    call('GET', `/api/submissions/${submission.id}/threads`, threadListSchema),
    call('GET', `/api/submissions/${submission.id}/decisions`, decisionListSchema),
    call('GET', `/api/submissions/${submission.id}/signature-comments`, signatureCommentListSchema).catch(
      (error: unknown) => {
        // A server without failure comments answers 404: there are none to show, not an error.
        if (error instanceof ApiCallError && error.status === 404) return { comments: [] };
        throw error;
      },
    ),
  ]);
  return {
    submission,
    threads: threads.threads,
    decision: decisions.decisions[0] ?? null,
    signatureComments: signatureComments.comments,
  };
}

/** The learner's reply on a thread; the caller reloads to show it in order with the mentor's. */
export async function replyTo(threadId: string, body: string): Promise<void> {
  await call('POST', `/api/threads/${threadId}/comments`, commentSchema, { body });
}

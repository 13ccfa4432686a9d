import type { ServerDeps } from '../context.ts';
import type { SubmissionTable } from '../store/schema.ts';

/** The mentor's page for a revision. */
export function reviewLink(submissionId: string): string {
  return `/team/review/?submission=${encodeURIComponent(submissionId)}`;
}

/** Where the learner works on the exercise (its lesson's workbench), or their assignments when no lesson embeds it. */
export async function learnerLink(deps: Pick<ServerDeps, 'catalog'>, submission: SubmissionTable): Promise<string> {
  const lesson = await deps.catalog.lessonOf(submission.exercise).catch(() => undefined);
  return lesson ? `/lessons/${lesson}/#exercise-${submission.exercise}` : '/team/';
}

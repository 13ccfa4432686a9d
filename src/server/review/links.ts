import type { ServerDeps } from '../context.ts';
import type { SubmissionTable } from '../store/schema.ts';

/*
 * Site paths from the root, with no Astro `base`: astro.config.mjs sets none, and the team server serves
 * the built site at "/" beside /api on one origin (serveSite in app.ts; CRAFTPATH_ORIGIN keeps only the
 * origin, config.ts). Mails make these absolute on that origin (notify.ts). A deploy under a sub-path
 * would need `base` here and in originFromEnv together.
 */

/** The mentor's page for a revision. */
export function reviewLink(submissionId: string): string {
  return `/team/review/?submission=${encodeURIComponent(submissionId)}`;
}

/** Where the learner works on the exercise (its lesson's workbench), or their assignments when no lesson embeds it. */
export async function learnerLink(deps: Pick<ServerDeps, 'catalog'>, submission: SubmissionTable): Promise<string> {
  const lesson = await deps.catalog.lessonOf(submission.exercise).catch(() => undefined);
  return lesson ? `/lessons/${lesson}/#exercise-${submission.exercise}` : '/team/';
}

import type { Submission } from '../../shared-api/assignments-api.ts';

/**
 * Words for assignments and gradings, kept out of the islands so they are tested under Node. English
 * only for now, like the team pages' other strings until they move into src/i18n.
 */

const DAY = 86_400_000;

/** "due in 3 days", "due tomorrow", "due today", "1 day late" … relative to `now`, by calendar days. */
export function dueText(dueAt: string, now = new Date()): string {
  const due = new Date(dueAt);
  const days = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
  if (due.getTime() < now.getTime()) {
    const late = Math.max(0, -days);
    return late === 0 ? 'was due today' : `was due ${late === 1 ? 'yesterday' : `${late} days ago`}`;
  }
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The state of a revision's grading, as the learner reads it while they wait and after. */
export function gradingText(submission: Submission): string {
  const report = submission.serverReports.at(-1);
  if (report) {
    const failed = report.report.checks.filter((c) => c.status !== 'pass').map((c) => c.title);
    const verdict = report.report.verdict === 'pass' ? 'passed' : `did not pass (${failed.join('; ')})`;
    return `Server verdict for revision ${submission.revision}: ${verdict}.`;
  }
  const grading = submission.grading;
  if (!grading) return `Revision ${submission.revision} is stored.`;
  if (grading.state === 'failed')
    return `The server could not grade revision ${submission.revision}: ${grading.error ?? 'unknown error'}.`;
  if (grading.state === 'running' || grading.queuePosition === 0)
    return `Revision ${submission.revision}: the server is grading it now…`;
  return `Revision ${submission.revision}: waiting for the grader, ${grading.queuePosition} ${grading.queuePosition === 1 ? 'submission' : 'submissions'} ahead.`;
}

/** Poll delays while waiting for a verdict: quick at first, then backing off to every 10 s. */
export function pollDelay(attempt: number): number {
  return Math.min(10_000, Math.round(1_000 * 1.5 ** attempt));
}

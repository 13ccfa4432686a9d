import type { Status } from '../../runtime/report/check-report.ts';
import type {
  AssignmentCell,
  CellStatus,
  ExerciseCell,
  StuckReason,
  StuckRule,
} from '../../shared-api/dashboard-api.ts';
import type { ReviewDecisionKind } from '../store/schema.ts';

/**
 * What the dashboard decides from the rows it read: one learner's cell per exercise and per assignment,
 * and whether the cohort's rule calls it stuck. Pure, so the rules are tested without a database.
 */

const DAY_MS = 86_400_000;

/** One submitted revision, reduced to what the dashboard shows. */
export interface RevisionFacts {
  /** The submission row's id: the review page's address. */
  id: string;
  revision: number;
  submittedAt: string;
  late: boolean;
  /** Verdict of the revision's newest server report; null while it waits for the grader. */
  verdict: Status | null;
  /** The newest mentor decision on this revision. */
  decision: ReviewDecisionKind | null;
}

/** Everything known about one learner on one exercise of one assignment. */
export interface ExerciseFacts {
  exercise: string;
  revisions: RevisionFacts[];
  /** Newest record time of the learner's synced code or progress for the exercise slug. */
  syncedAt: string | null;
  /** Checks of the newest revision's newest report that did not pass, and the share that did. */
  newestReport: { failingChecks: string[]; score: number } | null;
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || b < a ? a : b);

/** Trailing run of failing server verdicts, newest revision first; revisions still grading are skipped. */
export function failingStreak(revisions: readonly RevisionFacts[]): number {
  let streak = 0;
  for (const r of [...revisions].sort((a, b) => b.revision - a.revision)) {
    if (r.verdict === null) continue;
    if (r.verdict === 'pass') break;
    streak++;
  }
  return streak;
}

/**
 * Work the learner still owes: not started, working, changes requested, or submitted with a verdict
 * that is not a pass. A passing revision waiting for review waits on the mentor, not on the learner.
 */
function unfinished(status: CellStatus, verdict: Status | null): boolean {
  if (status === 'approved') return false;
  if (status === 'submitted') return verdict !== null && verdict !== 'pass';
  return true;
}

export function exerciseCell(
  facts: ExerciseFacts,
  assignment: { opensAt: string },
  rule: StuckRule,
  now: Date,
): ExerciseCell {
  const newest = [...facts.revisions].sort((a, b) => b.revision - a.revision)[0];
  const status: CellStatus = newest
    ? newest.decision === 'approve'
      ? 'approved'
      : newest.decision === 'request_changes'
        ? 'changes-requested'
        : 'submitted'
    : facts.syncedAt
      ? 'working'
      : 'not-started';
  const lastActivity = facts.revisions.reduce<string | null>((at, r) => later(at, r.submittedAt), facts.syncedAt);
  const verdict = newest?.verdict ?? null;
  const streak = failingStreak(facts.revisions);
  const stuck: StuckReason[] = [];
  if (rule.failingSubmissions !== null && status !== 'approved' && streak >= rule.failingSubmissions)
    stuck.push('failing');
  // Idle time counts from the last activity, or from the opening for work never touched.
  const since = later(lastActivity, assignment.opensAt) ?? assignment.opensAt;
  if (
    rule.idleDays !== null &&
    assignment.opensAt <= now.toISOString() &&
    unfinished(status, verdict) &&
    now.getTime() - new Date(since).getTime() >= rule.idleDays * DAY_MS
  )
    stuck.push('idle');
  const report = verdict === null ? null : verdict === 'pass' ? { failingChecks: [], score: 100 } : facts.newestReport;
  return {
    exercise: facts.exercise,
    status,
    attempts: facts.revisions.length,
    lastActivity,
    verdict,
    failingChecks: report?.failingChecks ?? [],
    score: report?.score ?? null,
    submittedAt: newest?.submittedAt ?? null,
    newestSubmissionId: newest?.id ?? null,
    late: newest?.late ?? false,
    decision: newest?.decision ?? null,
    failingStreak: streak,
    stuck,
  };
}

/** An assignment's cell from its exercises' cells (see assignmentCellSchema for the status rule). */
export function assignmentCell(assignmentId: string, exercises: ExerciseCell[]): AssignmentCell {
  const all = (pred: (s: CellStatus) => boolean) => exercises.length > 0 && exercises.every((e) => pred(e.status));
  const status: CellStatus = all((s) => s === 'approved')
    ? 'approved'
    : exercises.some((e) => e.status === 'changes-requested')
      ? 'changes-requested'
      : all((s) => s === 'submitted' || s === 'approved')
        ? 'submitted'
        : exercises.some((e) => e.status !== 'not-started')
          ? 'working'
          : 'not-started';
  const reasons = new Set(exercises.flatMap((e) => e.stuck));
  return {
    assignmentId,
    status,
    attempts: exercises.reduce((n, e) => n + e.attempts, 0),
    lastActivity: exercises.reduce<string | null>((at, e) => later(at, e.lastActivity), null),
    failingChecks: exercises.flatMap((e) => e.failingChecks.map((id) => `${e.exercise}/${id}`)),
    stuck: (['failing', 'idle'] as const).filter((r) => reasons.has(r)),
    exercises,
  };
}

/** Check ids that did not pass, in report order, and the share that did (0–100, whole numbers). */
export function reportSummary(report: { checks: { id: string; status: Status }[] }): {
  failingChecks: string[];
  score: number;
} {
  const failing = report.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  const total = report.checks.length;
  return { failingChecks: failing, score: total === 0 ? 0 : Math.round((100 * (total - failing.length)) / total) };
}

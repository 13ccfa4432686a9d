import { z } from 'astro/zod';
import { statusSchema } from '../runtime/report/check-report.ts';

/**
 * The cohort dashboard: learners × assignments (× exercises) with status, attempts, last activity and the
 * stuck flag; each cohort's stuck rule; the per-assignment distribution of the first failing check. The
 * request and response shapes shared by the team server's routes and the browser (zod only).
 * Routes (src/server/routes/dashboard.ts; the authorisation matrix lists each):
 *   GET /api/cohorts/:id/dashboard?page=&pageSize=   one page of learners, by name
 *   GET /api/cohorts/:id/stuck-rule                  the cohort's rule (or the default)
 *   PUT /api/cohorts/:id/stuck-rule                  set it (mentors and owners)
 *   GET /api/assignments/:id/first-failures          first failing check per exercise across the cohort
 *   GET /api/cohorts/:id/export.csv?layout=generic|canvas
 */

/**
 * Where a learner stands on one exercise of an assignment (and, combined, on the assignment):
 * - not-started: no submission and nothing synced for the exercise (no saved code, no check run);
 * - working: saved code or progress synced from the browser, but no submission for this assignment;
 * - submitted: the newest revision has no mentor decision yet (waiting for review, graded or not);
 * - changes-requested: the mentor's decision on the newest revision is "request changes";
 * - approved: the mentor's decision on the newest revision is "approve".
 */
export const cellStatusSchema = z.enum(['not-started', 'working', 'submitted', 'changes-requested', 'approved']);
export type CellStatus = z.infer<typeof cellStatusSchema>;

/** Why a learner counts as stuck: the rule's failing-streak part, or its idle part. */
export const stuckReasonSchema = z.enum(['failing', 'idle']);
export type StuckReason = z.infer<typeof stuckReasonSchema>;

export const stuckRuleSchema = z
  .object({
    /** Consecutive failing server verdicts on one exercise that make a learner stuck; null turns this part off. */
    failingSubmissions: z.number().int().min(1).max(100).nullable(),
    /** Days without activity (submission, synced code or progress) on unfinished work; null turns this part off. */
    idleDays: z.number().int().min(1).max(365).nullable(),
  })
  .strict();
export type StuckRule = z.infer<typeof stuckRuleSchema>;

/** What a cohort without its own rule uses; the dashboard says so. */
export const DEFAULT_STUCK_RULE: StuckRule = { failingSubmissions: 3, idleDays: 5 };

export const stuckRuleViewSchema = z
  .object({
    /** The rule in force. */
    rule: stuckRuleSchema,
    /** True when the cohort has set none and the default applies. */
    isDefault: z.boolean(),
  })
  .strict();
export type StuckRuleView = z.infer<typeof stuckRuleViewSchema>;

export const exerciseCellSchema = z
  .object({
    /** Exercise slug. */
    exercise: z.string(),
    status: cellStatusSchema,
    /** Revisions submitted for this exercise of this assignment. */
    attempts: z.number().int().nonnegative(),
    /** ISO time of the newest submission or synced record for the exercise; null when there is none. */
    lastActivity: z.string().nullable(),
    /** The newest server verdict on the newest revision; null when not submitted or still grading. */
    verdict: statusSchema.nullable(),
    /** Ids of the checks that did not pass in that report, in report order. */
    failingChecks: z.array(z.string()),
    /** Share of that report's checks that pass, 0–100; null when there is no verdict yet. */
    score: z.number().min(0).max(100).nullable(),
    /** ISO time of the newest revision; null when not submitted. */
    submittedAt: z.string().nullable(),
    /** Id of the newest revision, which the review page opens; null when not submitted. */
    newestSubmissionId: z.string().nullable(),
    /** Whether the newest revision came after the learner's due time. */
    late: z.boolean(),
    /** The mentor's decision on the newest revision, if any. */
    decision: z.enum(['approve', 'request_changes']).nullable(),
    /** Trailing run of failing server verdicts (ungraded revisions do not count either way). */
    failingStreak: z.number().int().nonnegative(),
    /** Why this cell counts as stuck under the cohort's rule; empty when it does not. */
    stuck: z.array(stuckReasonSchema),
  })
  .strict();
export type ExerciseCell = z.infer<typeof exerciseCellSchema>;

export const assignmentCellSchema = z
  .object({
    assignmentId: z.string(),
    /**
     * Combined over the exercises: approved when all are; changes-requested when any is; submitted when
     * every one is submitted or approved; working when any has activity; else not-started.
     */
    status: cellStatusSchema,
    /** Revisions over all the assignment's exercises. */
    attempts: z.number().int().nonnegative(),
    /** Newest activity over the exercises. */
    lastActivity: z.string().nullable(),
    /** Union of the exercises' failing check ids, as "exercise/check". */
    failingChecks: z.array(z.string()),
    /** Union of the exercises' stuck reasons. */
    stuck: z.array(stuckReasonSchema),
    exercises: z.array(exerciseCellSchema),
  })
  .strict();
export type AssignmentCell = z.infer<typeof assignmentCellSchema>;

export const dashboardLearnerSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    /** True when any cell of the row is stuck. */
    stuck: z.boolean(),
    /** One per assignment, in the order of `assignments`. */
    cells: z.array(assignmentCellSchema),
  })
  .strict();
export type DashboardLearner = z.infer<typeof dashboardLearnerSchema>;

export const dashboardAssignmentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** Exercise slugs, in the order learners see them. */
    exercises: z.array(z.string()),
    opensAt: z.string(),
    dueAt: z.string(),
  })
  .strict();
export type DashboardAssignment = z.infer<typeof dashboardAssignmentSchema>;

export const dashboardSchema = z
  .object({
    cohortId: z.string(),
    cohortName: z.string(),
    /** The rule the stuck flags were computed with. */
    stuckRule: stuckRuleViewSchema,
    /** The cohort's assignments, by due time: the table's columns. */
    assignments: z.array(dashboardAssignmentSchema),
    /** This page's learners, by name: the table's rows. */
    learners: z.array(dashboardLearnerSchema),
    /** 1-based page number served. */
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    /** Learners in the cohort, over all pages. */
    totalLearners: z.number().int().nonnegative(),
    /** ISO time the server computed the page ("5 days without activity" is counted from it). */
    computedAt: z.string(),
  })
  .strict();
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Query of GET /api/cohorts/:id/dashboard. */
export const dashboardQuerySchema = z
  .object({
    /** 1-based page of learners, by name. */
    page: z.coerce.number().int().min(1).default(1),
    /** Learners per page; the whole of a 500-learner cohort fits in one. */
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const firstFailureSchema = z
  .object({
    /** The first check, in the report's order, that did not pass. */
    checkId: z.string(),
    checkTitle: z.string(),
    /** For a tests check: the first failing test's name ("suite > name"), when the report has one. */
    testName: z.string().nullable(),
    /** Learners whose newest graded revision first fails here. */
    learners: z.number().int().positive(),
  })
  .strict();
export type FirstFailure = z.infer<typeof firstFailureSchema>;

export const exerciseFailuresSchema = z
  .object({
    exercise: z.string(),
    /** Learners whose newest revision of this exercise has a server report. */
    graded: z.number().int().nonnegative(),
    /** Of those, how many pass every check. */
    passing: z.number().int().nonnegative(),
    /** Learners whose newest revision is still waiting for the grader. */
    pending: z.number().int().nonnegative(),
    /** Most common first failure first. */
    failures: z.array(firstFailureSchema),
  })
  .strict();
export type ExerciseFailures = z.infer<typeof exerciseFailuresSchema>;

export const firstFailuresSchema = z
  .object({
    assignmentId: z.string(),
    title: z.string(),
    /** Learners in the cohort: the "of 20" in "12 of 20 fail the timeout scenario". */
    learners: z.number().int().nonnegative(),
    exercises: z.array(exerciseFailuresSchema),
  })
  .strict();
export type FirstFailures = z.infer<typeof firstFailuresSchema>;

export const csvLayoutSchema = z.enum(['generic', 'canvas']);
export type CsvLayout = z.infer<typeof csvLayoutSchema>;

/** Query of GET /api/cohorts/:id/export.csv. */
export const exportQuerySchema = z
  .object({
    /** generic: one row per learner × assignment × exercise; canvas: Canvas's gradebook import columns. */
    layout: csvLayoutSchema.default('generic'),
  })
  .strict();

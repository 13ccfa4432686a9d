import { z } from 'astro/zod';
import { checkResultSchema } from '../runtime/report/check-report.ts';
import { submissionSchema } from './assignments-api.ts';

/**
 * Mentor review: comment threads anchored to lines, decisions and notifications. The request and response
 * shapes shared by the team server's routes and the browser (zod only: the browser imports this file).
 * Routes (the server's routes/review-*.ts hold them; the authorisation matrix lists each):
 *   GET  /api/submissions/:id/threads     threads of this learner's line of work up to revision :id, placed
 *                                         on revision :id (threadListSchema)
 *   POST /api/submissions/:id/threads     mentor opens a thread on lines of revision :id (201 threadSchema)
 *   POST /api/threads/:id/comments        reply, the learner or a mentor of the cohort (201 commentSchema)
 *   POST /api/threads/:id/resolve         mark resolved / reopened (threadSchema, placed where it was written)
 *   POST /api/submissions/:id/decision    mentor approves or requests changes (201 decisionSchema); approve
 *                                         is refused (409) while a blocking thread is unresolved
 *   GET  /api/submissions/:id/decisions   decisions on this line of work up to revision :id, newest first
 *   GET  /api/submissions/:id/review      what the review page shows (reviewViewSchema), staff only
 *   POST /api/submissions/:id/assignee    hand the learner's work on this exercise to another mentor
 *   GET  /api/review/inbox                revisions waiting for the caller's review (inboxSchema)
 *   GET  /api/notifications               the caller's notifications, newest first, with the unread count
 *   POST /api/notifications/read          mark some or all read
 */

/** Conventional Comments labels (conventionalcomments.org). */
export const commentLabelSchema = z.enum([
  'praise',
  'suggestion',
  'issue',
  'question',
  'nit',
  'thought',
  'todo',
  'chore',
]);
export type CommentLabel = z.infer<typeof commentLabelSchema>;

const markdown = z.string().trim().min(1, 'must not be empty').max(10_000);

export const lineRangeSchema = z
  .object({
    /** 1-based first line. */
    startLine: z.number().int().min(1),
    /** 1-based last line, inclusive, at or after startLine. */
    endLine: z.number().int().min(1),
  })
  .strict()
  .refine((r) => r.endLine >= r.startLine, { message: 'must not be before startLine', path: ['endLine'] });

export const createThreadSchema = z
  .object({
    /** Workspace path of one of the revision's files. */
    file: z.string().min(1).max(200),
    /** The lines the comment is about, in revision :id. */
    lines: lineRangeSchema,
    label: commentLabelSchema,
    /** Blocking comments must be addressed before the mentor approves. */
    blocking: z.boolean().default(false),
    /** The opening comment, Markdown. */
    body: markdown,
  })
  .strict();

export const createCommentSchema = z.object({ /** Markdown. */ body: markdown }).strict();
export const resolveThreadSchema = z.object({ /** true resolves, false reopens. */ resolved: z.boolean() }).strict();

export const commentSchema = z
  .object({
    id: z.string(),
    authorId: z.string().nullable(),
    authorName: z.string(),
    /** 'mentor' | 'learner' | 'owner' in the cohort, for the label beside the name. */
    authorRole: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })
  .strict();

export const threadSchema = z
  .object({
    id: z.string(),
    /** The revision it was written on. */
    submissionId: z.string(),
    revision: z.number().int(),
    file: z.string(),
    /** Where the thread sits on the revision asked for: re-anchored by its text, or null when outdated. */
    placement: z
      .object({ startLine: z.number().int(), endLine: z.number().int(), moved: z.boolean() })
      .strict()
      .nullable(),
    /** Where it was written, and the text it was written on (shown for outdated threads). */
    original: z.object({ startLine: z.number().int(), endLine: z.number().int(), text: z.string() }).strict(),
    label: commentLabelSchema,
    blocking: z.boolean(),
    resolved: z.boolean(),
    comments: z.array(commentSchema),
  })
  .strict();
export type Thread = z.infer<typeof threadSchema>;
export const threadListSchema = z.object({ threads: z.array(threadSchema) }).strict();

export const decisionKindSchema = z.enum(['approve', 'request_changes']);
export const createDecisionSchema = z
  .object({
    decision: decisionKindSchema,
    /** Summary for the learner, Markdown. */ body: z.string().max(10_000).default(''),
  })
  .strict();

export const decisionSchema = z
  .object({
    id: z.string(),
    /** The revision decided on. */
    submissionId: z.string(),
    revision: z.number().int(),
    decision: decisionKindSchema,
    body: z.string(),
    mentorName: z.string(),
    createdAt: z.string(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;
export const decisionListSchema = z.object({ decisions: z.array(decisionSchema) }).strict();

export const setAssigneeSchema = z
  .object({
    /** A mentor of the submission's cohort, or null to put the work back in every mentor's queue. */
    mentorId: z.string().min(1).max(100).nullable(),
  })
  .strict();

const person = z.object({ id: z.string(), name: z.string() }).strict();

/** The answer to a reassignment: who reviews the learner's work on the exercise now. */
export const assigneeSchema = z.object({ /** null: any mentor of the cohort. */ assignee: person.nullable() }).strict();

export const inboxItemSchema = z
  .object({
    /** The newest revision of this learner's work on the exercise: the one to review. */
    submissionId: z.string(),
    revision: z.number().int(),
    assignmentId: z.string(),
    assignmentTitle: z.string(),
    cohortId: z.string(),
    cohortName: z.string(),
    learner: person,
    exercise: z.string(),
    /** When the revision was submitted: how long it has been waiting. */
    waitingSince: z.string(),
    late: z.boolean(),
    /** The newest server report's verdict, or null while it is being graded. */
    serverVerdict: z.string().nullable(),
    /** The verdict the learner's browser reported, or null when it sent none. */
    browserVerdict: z.string().nullable(),
    /** The mentor it is assigned to, or null: anyone of the cohort's mentors may take it. */
    assignee: person.nullable(),
    /** Unresolved blocking threads on this line of work. */
    openBlocking: z.number().int(),
  })
  .strict();
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxSchema = z
  .object({
    /** Oldest first; with ?mine=1 only those assigned to the caller or to nobody. */
    items: z.array(inboxItemSchema),
    /** Waiting items assigned to the caller or to nobody: the count in the site header. */
    mine: z.number().int(),
    /** Per cohort of the listed items, the mentors the work can be reassigned to. */
    mentors: z.array(z.object({ cohortId: z.string(), mentor: person }).strict()),
  })
  .strict();

/** A judgment check's answer (review, decision, impact, calibration, critique) with its score. */
export const judgmentAnswerSchema = z
  .object({
    checkId: z.string(),
    kind: z.string(),
    title: z.string(),
    /** The editable workspace file holding the learner's answer, and its text in this revision. */
    file: z.string(),
    answer: z.string(),
    /** From the newest server report (the browser's when there is none yet); null when neither has it. */
    result: checkResultSchema.nullable(),
  })
  .strict();

export const reviewViewSchema = z
  .object({
    submission: submissionSchema,
    /** The exercise's visible starter files (editable and readonly): never hidden tests, solutions or keys. */
    starter: z.record(z.string(), z.string()),
    /** The revision before this one, for the "previous revision" diff; null for the first. */
    previous: z
      .object({ id: z.string(), revision: z.number().int(), files: z.record(z.string(), z.string()) })
      .strict()
      .nullable(),
    /** Every revision of this line of work, oldest first, to step between them. */
    revisions: z
      .array(z.object({ id: z.string(), revision: z.number().int(), submittedAt: z.string() }).strict())
      .min(1),
    /** Paths the learner edits, in the exercise's order: the files the review page opens. */
    editable: z.array(z.string()),
    judgment: z.array(judgmentAnswerSchema),
    /** The mentor it is assigned to, or null. */
    assignee: person.nullable(),
    /** Mentors of the cohort, for reassignment. */
    mentors: z.array(person),
  })
  .strict();
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    summary: z.string(),
    /** Site path to open. */
    link: z.string(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .strict();
export const notificationListSchema = z
  .object({ notifications: z.array(notificationSchema), unread: z.number().int() })
  .strict();
export const markReadSchema = z
  .object({
    /** Ids to mark read; absent marks every notification read. */ ids: z.array(z.string()).max(500).optional(),
  })
  .strict();

/**
 * Comments on a failure rather than a line (GET /api/submissions/:id/signature-comments lists those whose
 * signature the revision's newest server report carries; the signals routes create and count them).
 */
export const signatureKindSchema = z.enum(['test', 'lint', 'defect', 'type']);
export const signatureSchema = z
  .object({
    /** The check whose result carries the failure. */
    checkId: z.string().min(1).max(100),
    /** test: a failing test's full name; lint: a rule id; defect: a seeded defect the review missed; type: a TS error code. */
    kind: signatureKindSchema,
    value: z.string().min(1).max(500),
  })
  .strict();
export type FailureSignature = z.infer<typeof signatureSchema>;
export const signatureCommentSchema = z
  .object({
    id: z.string(),
    exercise: z.string(),
    signature: signatureSchema,
    label: commentLabelSchema,
    body: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
  })
  .strict();
export const signatureCommentListSchema = z.object({ comments: z.array(signatureCommentSchema) }).strict();

/*
 * Signals (the signals routes, src/server/routes/signals.ts; the authorisation matrix lists each):
 *   GET  /api/cohorts/:id/signals                 staff: the cohort's failure signatures and signature comments
 *   POST /api/cohorts/:id/signature-comments      staff: a comment on one failure signature of one exercise
 *   GET  /api/submissions/:id/signature-comments  the learner or staff: comments matching revision :id
 *   GET  /api/cohorts/:id/disagreements           staff: browser ≠ server verdicts, passes the mentor rejected
 *   GET  /api/submissions/:id/fixture             staff: revision :id as a wrong-solution fixture (tar)
 */

export const createSignatureCommentSchema = z
  .object({
    /** Exercise slug the failure belongs to; one of the cohort's assigned exercises. */
    exercise: z.string().min(1).max(100),
    signature: signatureSchema,
    label: commentLabelSchema,
    /** The explanation every learner with this failure will read, Markdown. */
    body: markdown,
  })
  .strict();

/** A signature comment as staff see it: with its reach. */
export const signatureCommentWithReachSchema = signatureCommentSchema
  .extend({
    /** Learners whose current revision of the exercise (its newest server report) carries the signature. */
    reach: z.number().int().nonnegative(),
  })
  .strict();

/** One failure signature across a cohort. */
export const cohortSignatureSchema = z
  .object({
    exercise: z.string(),
    signature: signatureSchema,
    /** Learners whose current revision carries it. */
    learners: z.number().int().positive(),
  })
  .strict();

export const cohortSignalsSchema = z
  .object({
    /** Most common first. */
    signatures: z.array(cohortSignatureSchema),
    /** Newest first. */
    comments: z.array(signatureCommentWithReachSchema),
  })
  .strict();

/** verdict-mismatch: the browser's and the server's verdicts differ; changes-requested: passes, yet rejected. */
export const disagreementKindSchema = z.enum(['verdict-mismatch', 'changes-requested']);
export type DisagreementKind = z.infer<typeof disagreementKindSchema>;
export const disagreementSchema = z
  .object({
    kind: disagreementKindSchema,
    submissionId: z.string(),
    exercise: z.string(),
    learnerName: z.string(),
    revision: z.number().int(),
    submittedAt: z.string(),
    /** The server's newest verdict on the revision. */
    serverVerdict: z.string(),
    /** The browser's verdict, null when it sent no report. */
    browserVerdict: z.string().nullable(),
    /** verdict-mismatch: the check ids whose status differs; changes-requested: empty. */
    checks: z.array(z.string()),
    /** changes-requested: the mentor's summary (Markdown); empty otherwise. */
    note: z.string(),
  })
  .strict();
export type Disagreement = z.infer<typeof disagreementSchema>;
export const disagreementListSchema = z.object({ disagreements: z.array(disagreementSchema) }).strict();

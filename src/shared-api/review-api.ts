import { z } from 'astro/zod';

/**
 * Mentor review: comment threads anchored to lines, decisions and notifications. The request and response
 * shapes shared by the team server's routes and the browser (zod only: the browser imports this file).
 * Routes (the server's routes/review-*.ts hold them; the authorisation matrix lists each):
 *   GET  /api/submissions/:id/threads     threads of this learner's line of work, placed on revision :id
 *   POST /api/submissions/:id/threads     mentor opens a thread on lines of revision :id
 *   POST /api/threads/:id/comments        reply (the learner or a mentor of the cohort)
 *   POST /api/threads/:id/resolve         mark resolved / reopened
 *   POST /api/submissions/:id/decision    mentor approves or requests changes
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
export const signatureKindSchema = z.enum(['test', 'lint', 'defect']);
export const signatureSchema = z
  .object({
    /** The check whose result carries the failure. */
    checkId: z.string().min(1).max(100),
    /** test: a failing test's full name; lint: a rule id; defect: a seeded defect the review missed. */
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

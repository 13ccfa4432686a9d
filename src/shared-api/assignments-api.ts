import { z } from 'astro/zod';
import { checkReportSchema, statusSchema } from '../runtime/report/check-report.ts';
import { idSchema } from './team-api.ts';

/**
 * Assignments, submissions and server grading: the request and response shapes shared by the team
 * server's routes and the browser. zod only (the browser imports this file).
 */

const exerciseSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an exercise slug such as "lint-gate"');
const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const assignmentModeSchema = z.enum(['practice', 'assessed']);

export const createAssignmentSchema = z
  .object({
    /** What to assign: exercises by slug, or every exercise of one lesson, or of one track. Exactly one. */
    exercises: z.array(exerciseSlug).min(1).max(100).optional(),
    lesson: exerciseSlug.optional(),
    track: exerciseSlug.optional(),
    /** Shown to learners; defaults to the exercise, lesson or track name. */
    title: z.string().trim().min(1).max(120).optional(),
    /** practice: instant browser grading counts; assessed: the server's grade counts, secrets stay on it. */
    mode: assignmentModeSchema,
    /** When submissions open (ISO time); default now. */
    opensAt: isoTime.optional(),
    /** When the work is due; later submissions are accepted and marked late. */
    dueAt: isoTime,
    /** Optional hard cut-off, at or after dueAt: later submissions are refused with a message. */
    cutoffAt: isoTime.optional(),
    /** The mentor's note to learners. */
    note: z.string().max(2000).default(''),
  })
  .strict()
  .refine((a) => [a.exercises, a.lesson, a.track].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of exercises, lesson or track',
    path: ['exercises'],
  })
  .refine((a) => a.cutoffAt === undefined || a.cutoffAt >= a.dueAt, {
    message: 'must not be before dueAt',
    path: ['cutoffAt'],
  });

export const assignmentSchema = z
  .object({
    id: z.string(),
    cohortId: z.string(),
    cohortName: z.string(),
    title: z.string(),
    mode: assignmentModeSchema,
    exercises: z.array(z.string()),
    opensAt: z.string(),
    /** The assignment's due time. */
    dueAt: z.string(),
    /** The caller's own due time (an extension, when they have one); for staff the assignment's. */
    myDueAt: z.string(),
    cutoffAt: z.string().nullable(),
    note: z.string(),
    /** Name of the mentor (or owner) who assigned it. */
    assignedBy: z.string(),
    /** Per-learner extensions; only staff see them. */
    extensions: z.array(z.object({ userId: z.string(), dueAt: z.string() }).strict()).optional(),
  })
  .strict();
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentListSchema = z.object({ assignments: z.array(assignmentSchema) }).strict();

export const extensionSchema = z.object({ /** The learner's new due time. */ dueAt: isoTime }).strict();

/** Workspace paths: relative, forward slashes, no "..", no dot-folders a tool would read as config. */
const workspacePath = z
  .string()
  .max(200)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+$/, 'must be a relative workspace path');

export const createSubmissionSchema = z
  .object({
    /** Which exercise of the assignment. */
    exercise: exerciseSlug,
    /** The learner's editable files, path → text; other paths are ignored by grading. */
    files: z.record(workspacePath, z.string().max(200_000)),
    /** The browser's own report for these files, when it ran one. */
    browserReport: checkReportSchema.optional(),
    /** The browser engine's name and tool versions, as it knows them. */
    engineVersions: z.record(z.string().max(40), z.string().max(80)).default({}),
  })
  .strict();

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed']);

export const serverReportSchema = z
  .object({
    id: z.string(),
    /** Content hash of the exercise this report was graded against. */
    contentHash: z.string(),
    /** True when this hash is the exercise's current content. */
    current: z.boolean(),
    engineVersions: z.record(z.string(), z.string()),
    report: checkReportSchema,
    /** Check ids whose status differs from the browser's report: tampering or an engine gap. */
    mismatch: z.array(z.string()),
    gradedAt: z.string(),
  })
  .strict();

export const submissionSchema = z
  .object({
    id: z.string(),
    assignmentId: z.string(),
    userId: z.string(),
    learnerName: z.string(),
    exercise: z.string(),
    revision: z.number().int(),
    submittedAt: z.string(),
    late: z.boolean(),
    contentHash: z.string(),
    engineVersions: z.record(z.string(), z.string()),
    files: z.record(z.string(), z.string()),
    browserReport: checkReportSchema.nullable(),
    /** The server's reports, oldest first; a regrade appends one. */
    serverReports: z.array(serverReportSchema),
    /** The newest grading job: its state, and how many jobs are ahead of it while queued. */
    grading: z
      .object({
        state: jobStateSchema,
        /** Jobs to be graded before this one (0: next, or running). */
        queuePosition: z.number().int(),
        attempts: z.number().int(),
        error: z.string().nullable(),
      })
      .strict()
      .nullable(),
    /** The newest server verdict, for lists. */
    verdict: statusSchema.nullable(),
  })
  .strict();
export type Submission = z.infer<typeof submissionSchema>;
export const submissionListSchema = z.object({ submissions: z.array(submissionSchema) }).strict();

export const regradeResultSchema = z
  .object({ /** Jobs added (submissions not yet graded against the current content). */ enqueued: z.number().int() })
  .strict();

export const submissionIdSchema = idSchema;

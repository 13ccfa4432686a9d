import { z } from 'astro/zod';
import { shareSchema } from './judgment-grading.ts';

/** Conventional Comments labels (https://conventionalcomments.org/). */
export const REVIEW_LABELS = [
  'praise',
  'nitpick',
  'suggestion',
  'issue',
  'todo',
  'question',
  'thought',
  'chore',
  'note',
] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];

export const REVIEW_DECISIONS = ['approve', 'comment', 'request-changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Lines of one file of the pull request, 1-based and inclusive, counted in the changed ("after") version. */
const lineRange = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([start, end]) => end >= start, 'the end line must not come before the start line');

/** One spot of the key: a seeded defect or something worth praising. */
const spot = {
  /** Stable id, shown in the report. */
  id: z.string().min(1),
  /** One line naming it, revealed after submit ("No circuit breaker around the quota service"). */
  title: z.string().min(5),
  /** The pull request path it is in (a `diff[].path` of the check). */
  file: z.string().min(1),
  /** Where a comment must be anchored to find it (overlapping, within `lineSlack`). */
  lines: lineRange,
  /** Why it matters, revealed after submit. */
  explanation: z.string().min(10),
};

/** One idea a comment must mention, e.g. { name: 'timeout', terms: ['timeout', 'time out', 'deadline'] }. */
const concept = z
  .object({
    /** Shown in the report when the learner found the defect ("you mentioned: timeout"). */
    name: z.string().min(2),
    /** Words or word starts that count as mentioning it, matched case-insensitively anywhere in the comment. */
    terms: z.array(z.string().min(2)).min(1),
  })
  .strict();

/** The answer key of a `review` check: exercises/<slug>/fixtures/…json, never shipped before submit. */
export const reviewKeySchema = z
  .object({
    /** The seeded defects the learner should find. */
    defects: z
      .array(
        z
          .object({
            ...spot,
            /** blocking: must be fixed before merging; non-blocking: a nit or an improvement the author may skip. */
            severity: z.enum(['blocking', 'non-blocking']),
            /** Labels a comment may carry to count for this defect. */
            labels: z.array(z.enum(REVIEW_LABELS)).min(1).default(['issue', 'suggestion', 'todo', 'question']),
            /**
             * What a comment must talk about to find it: it must mention at least one of these concepts, each
             * by any of its terms (case-insensitive substrings). This is the only text ever matched, and it is
             * why "add a doc comment" anchored across the file finds the missing docs and not the missing timeout.
             */
            concepts: z.array(concept).default([]),
            /**
             * Whether the review is asked to find it. Defaults to true for blocking defects and false for
             * non-blocking ones: an unasked nit earns nothing and is never "missed", though calling it blocking
             * is still a wrong severity (it held up a merge).
             */
            asked: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Code that deserves sincere praise; found by a comment labelled praise anchored there. */
    praise: z.array(z.object(spot).strict()).default([]),
    /** Decisions that fit the change, with why. */
    decision: z
      .object({
        /** Decisions that pass. */
        accepted: z.array(z.enum(REVIEW_DECISIONS)).min(1),
        /** Revealed after submit. */
        explanation: z.string().min(10),
      })
      .strict(),
    /** How far (in lines) a comment's anchor may be from a spot and still count. */
    lineSlack: z.number().int().nonnegative().default(2),
    /** What a passing review needs. */
    pass: z
      .object({
        /** Share of blocking defects found, 0..1. */
        minBlockingRecall: shareSchema(1),
        /** Found defects whose blocking flag is wrong (a nit marked blocking, a blocker marked non-blocking). */
        maxMiscalibrated: z.number().int().nonnegative().default(0),
        /** Comments that match no defect and are not praise. */
        maxFalseAlarms: z.number().int().nonnegative().default(1),
        /** Whether at least one praise spot must be praised; praise is scored only when this is true. */
        requirePraise: z.boolean().default(false),
      })
      .strict()
      .default({ minBlockingRecall: 1, maxMiscalibrated: 0, maxFalseAlarms: 1, requirePraise: false }),
  })
  .strict();
export type ReviewKey = z.infer<typeof reviewKeySchema>;

/** The learner's review, as the review form saves it (review.json in the workspace). */
export const reviewAnswerSchema = z
  .object({
    /** Comments anchored to lines of the changed files. */
    comments: z.array(
      z
        .object({
          /** The pull request path commented on. */
          file: z.string(),
          /** First and last line of the anchor in the changed version, 1-based. */
          startLine: z.number().int().min(1),
          endLine: z.number().int().min(1),
          /** Conventional Comments label. */
          label: z.enum(REVIEW_LABELS),
          /** Whether the author must address it before merging. */
          blocking: z.boolean(),
          /** The comment; never scored, except for the concepts the key says a comment on a defect must mention. */
          text: z.string(),
        })
        .strict(),
    ),
    /** The verdict; null until the learner picks one. */
    decision: z.enum(REVIEW_DECISIONS).nullable(),
  })
  .strict();
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
export type ReviewComment = ReviewAnswer['comments'][number];

/** Whether the key asks the review to find this defect (see `asked`). */
export function isAsked(defect: ReviewKey['defects'][number]): boolean {
  return defect.asked ?? defect.severity === 'blocking';
}

import { z } from 'astro/zod';

/**
 * A review card: one mistake the learner made in an exercise and later fixed, brought back on spaced
 * intervals so the principle behind it sticks. Stored inside the progress record (so it travels with
 * backups and team sync); scheduling lives in schedule.ts, building cards from reports in from-report.ts.
 */

/** What kind of mistake it was; the page picks the principle to show from it. */
export const mistakeKindSchema = z.enum(['mutant', 'defect', 'figure', 'scenario', 'finding']);
export type MistakeKind = z.infer<typeof mistakeKindSchema>;

export const reviewCardSchema = z
  .object({
    /** Exercise slug the mistake was made in. */
    exercise: z.string().max(100),
    /** Id of the check that reported it (the link opens the exercise at this check). */
    check: z.string().max(100),
    /** The check's title, as the learner saw it. */
    checkTitle: z.string().max(200),
    /** Mutant, seeded defect, figure, scenario (a failing test), or another graded finding. */
    kind: mistakeKindSchema,
    /** What went wrong, in the report's words: the mutant, the missed defect, the test's name. */
    wrong: z.string().max(500),
    /** The report's explanation of that item, when it gave one. */
    detail: z.string().max(1000).optional(),
    /** ISO time the mistake was first seen. */
    seenAt: z.string(),
    /** ISO time a later run showed it fixed; a card without it is not due yet (there is nothing to recall). */
    fixedAt: z.string().optional(),
    /** Index into REVIEW_INTERVAL_DAYS of the interval the card is on now. */
    step: z.number().int().nonnegative(),
    /** ISO time the card is next due; set when it is fixed and moved by every answer. */
    dueAt: z.string().optional(),
    /** How many times it was answered, and how many of those were correct. */
    reviews: z.number().int().nonnegative(),
    correct: z.number().int().nonnegative(),
    /** ISO time of the card's last change: what "newer wins" compares when backups and sync merge. */
    updatedAt: z.string(),
  })
  .strict();
export type ReviewCard = z.infer<typeof reviewCardSchema>;

/** Cards per card id (see cardId). */
export type ReviewCards = Record<string, ReviewCard>;

/** Stable across runs: the same mistake in the same exercise is one card, however often it recurs. */
export function cardId(exercise: string, check: string, item: string): string {
  return `${exercise}/${check}/${item}`.slice(0, 300);
}

/** Of two copies of one card (two browsers, a backup), the one changed last wins. */
export function mergeCard(a: ReviewCard | undefined, b: ReviewCard | undefined): ReviewCard | undefined {
  if (!a || !b) return a ?? b;
  return a.updatedAt >= b.updatedAt ? a : b;
}

export function mergeCards(a: ReviewCards | undefined, b: ReviewCards | undefined): ReviewCards | undefined {
  if (!a && !b) return undefined;
  const out: ReviewCards = {};
  for (const id of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    const merged = mergeCard(a?.[id], b?.[id]);
    if (merged) out[id] = merged;
  }
  return out;
}

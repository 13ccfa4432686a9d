import type { ReviewCard, ReviewCards } from './review-card.ts';

/**
 * Spaced review: a fixed mistake comes back after 1 day, then 3, 7 and 21 days while the learner keeps
 * answering it correctly; a wrong answer puts it back on the first interval. The clock is always passed
 * in, so the schedule is testable and the browser, a test and the server agree on "due".
 */
export const REVIEW_INTERVAL_DAYS = [1, 3, 7, 21] as const;

const DAY_MS = 86_400_000;

function after(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

/** The card a fixed mistake becomes: on the first interval, due a day after the fix. */
export function markFixed(card: ReviewCard, now: Date): ReviewCard {
  return {
    ...card,
    fixedAt: now.toISOString(),
    step: 0,
    dueAt: after(now, REVIEW_INTERVAL_DAYS[0]),
    updatedAt: now.toISOString(),
  };
}

export function isDue(card: ReviewCard, now: Date): boolean {
  return card.fixedAt !== undefined && card.dueAt !== undefined && Date.parse(card.dueAt) <= now.getTime();
}

/** Due cards, the longest overdue first. */
export function dueCards(cards: ReviewCards | undefined, now: Date): [string, ReviewCard][] {
  return Object.entries(cards ?? {})
    .filter(([, card]) => isDue(card, now))
    .sort(([, a], [, b]) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}

/** Fixed cards not yet due, soonest first: what the queue will ask next. */
export function upcomingCards(cards: ReviewCards | undefined, now: Date): [string, ReviewCard][] {
  return Object.entries(cards ?? {})
    .filter(([, card]) => card.fixedAt !== undefined && !isDue(card, now))
    .sort(([, a], [, b]) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}

/** Length in days of the interval a card is on. */
export function intervalDays(card: ReviewCard): number {
  return REVIEW_INTERVAL_DAYS[Math.min(card.step, REVIEW_INTERVAL_DAYS.length - 1)] ?? 1;
}

/**
 * One answer: correct moves the card to the next interval (it stays on the last, 21 days, once there);
 * wrong puts it back on the first. Counted from the moment of answering, not from when it was due, so a
 * card answered late is not due again at once.
 */
export function answer(card: ReviewCard, correct: boolean, now: Date): ReviewCard {
  const step = correct ? Math.min(card.step + 1, REVIEW_INTERVAL_DAYS.length - 1) : 0;
  return {
    ...card,
    step,
    dueAt: after(now, REVIEW_INTERVAL_DAYS[step] ?? 1),
    reviews: card.reviews + 1,
    correct: card.correct + (correct ? 1 : 0),
    updatedAt: now.toISOString(),
  };
}

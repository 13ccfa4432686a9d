import type { CheckReport, CheckResult } from '../report/check-report.ts';
import { cardId, type MistakeKind, type ReviewCard, type ReviewCards } from './review-card.ts';
import { markFixed } from './schedule.ts';

/** A run with many failures (a blank start) should not flood the queue: the first few per check are enough. */
export const MAX_CARDS_PER_CHECK = 12;
/** Cards kept per learner; the oldest fixed cards go first when a new mistake needs the room. */
export const MAX_CARDS = 300;

/** Which kind of mistake a check's failing items are, by the check's kind. */
function kindOf(check: CheckResult): MistakeKind {
  switch (check.kind) {
    case 'learner-tests':
      return 'mutant';
    case 'review':
      return 'defect';
    case 'decision':
      return 'figure';
    case 'tests':
      return 'scenario';
    default:
      return check.tests && !check.items ? 'scenario' : 'finding';
  }
}

interface Outcome {
  id: string;
  failed: boolean;
  wrong: string;
  detail?: string;
}

/** Every graded item and test of a check that could run, with a stable id. */
function outcomes(check: CheckResult): Outcome[] {
  const items = (check.items ?? []).map((item) => ({
    id: `item:${item.id}`,
    failed: item.status === 'fail',
    wrong: item.label,
    ...(item.message ? { detail: item.message } : {}),
  }));
  const tests = (check.tests ?? [])
    .filter((test) => test.status === 'pass' || test.status === 'fail')
    .map((test) => ({
      id: `test:${test.file}:${[...test.suite, test.name].join(' > ')}`,
      failed: test.status === 'fail',
      wrong: [...test.suite, test.name].join(' › '),
      ...(test.failure?.message ? { detail: test.failure.message } : {}),
    }));
  return [...items, ...tests];
}

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * What one run changes in the queue: a failing item the queue has not seen becomes a pending card; a
 * pending card whose item now passes (or whose whole check passes) is fixed and scheduled. A check that
 * could not run (error, timeout) says nothing about the learner's mistakes and is skipped. Pure.
 */
export function noteReport(
  cards: ReviewCards | undefined,
  report: Pick<CheckReport, 'exercise' | 'checks'>,
  now: Date,
): ReviewCards {
  const next: ReviewCards = { ...cards };
  const at = now.toISOString();
  for (const check of report.checks) {
    if (check.status !== 'pass' && check.status !== 'fail') continue;
    const prefix = cardId(report.exercise, check.id, '');
    let added = 0;
    for (const outcome of outcomes(check)) {
      const id = cardId(report.exercise, check.id, outcome.id);
      const card = next[id];
      if (outcome.failed && !card && added < MAX_CARDS_PER_CHECK) {
        added++;
        const fresh: ReviewCard = {
          exercise: report.exercise,
          check: check.id,
          checkTitle: cut(check.title, 200),
          kind: kindOf(check),
          wrong: cut(outcome.wrong, 500),
          seenAt: at,
          step: 0,
          reviews: 0,
          correct: 0,
          updatedAt: at,
        };
        if (outcome.detail) fresh.detail = cut(outcome.detail, 1000);
        next[id] = fresh;
      } else if (!outcome.failed && card && card.fixedAt === undefined) {
        next[id] = markFixed(card, now);
      }
    }
    if (check.status === 'pass') {
      // A passing check may list no items (a trimmed report): everything pending under it is fixed.
      for (const [id, card] of Object.entries(next))
        if (id.startsWith(prefix) && card.fixedAt === undefined) next[id] = markFixed(card, now);
    }
  }
  return trim(next);
}

function trim(cards: ReviewCards): ReviewCards {
  const ids = Object.keys(cards);
  if (ids.length <= MAX_CARDS) return cards;
  // Pending mistakes first (they are what the learner is working on), then the most recently changed.
  const ranked = ids.sort((a, b) => {
    const x = cards[a] as ReviewCard;
    const y = cards[b] as ReviewCard;
    if ((x.fixedAt === undefined) !== (y.fixedAt === undefined)) return x.fixedAt === undefined ? -1 : 1;
    return y.updatedAt.localeCompare(x.updatedAt);
  });
  return Object.fromEntries(ranked.slice(0, MAX_CARDS).map((id) => [id, cards[id] as ReviewCard]));
}

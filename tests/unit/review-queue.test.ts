import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckResult } from '../../src/runtime/report/check-report.ts';
import { noteReport } from '../../src/runtime/review/from-report.ts';
import { mergeCards, type ReviewCard } from '../../src/runtime/review/review-card.ts';
import { answer, dueCards, REVIEW_INTERVAL_DAYS, upcomingCards } from '../../src/runtime/review/schedule.ts';
import { memoryStorage } from '../../src/runtime/storage/key-value.ts';
import { ProgressStore } from '../../src/runtime/storage/progress.ts';
import { applyImport, exportBackup, planImport, readBackup } from '../../src/runtime/storage/backup.ts';
import { mergeStates } from '../../src/runtime/sync/merge-records.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-12-01T09:00:00Z');
const day = (n: number, hours = 0) => new Date(start + n * DAY + hours * 3_600_000);

function mutants(survivors: string[]): CheckResult {
  const all = ['no-cap', 'off-by-one'];
  return {
    id: 'mutants',
    kind: 'learner-tests',
    title: 'Your tests catch the mutants',
    status: survivors.length ? 'fail' : 'pass',
    summary: '',
    durationMs: 1,
    items: all.map((id) => ({
      id,
      label: `mutant ${id}`,
      status: survivors.includes(id) ? 'fail' : 'pass',
      ...(survivors.includes(id) ? { message: 'Survived: every test still passes with this bug in place.' } : {}),
    })),
  };
}
const report = (checks: CheckResult[]): Pick<CheckReport, 'exercise' | 'checks'> => ({ exercise: 'refund', checks });

describe('review cards from the learner’s own mistakes', () => {
  it('a surviving mutant becomes a card only once it is fixed, due a day later', () => {
    const pending = noteReport(undefined, report([mutants(['no-cap'])]), day(0));
    const [id] = Object.keys(pending);
    expect(id).toBe('refund/mutants/item:no-cap');
    expect(pending[id as string]).toMatchObject({
      kind: 'mutant',
      wrong: 'mutant no-cap',
      checkTitle: 'Your tests catch the mutants',
    });
    // Not fixed yet: nothing to recall, so nothing is due even weeks later.
    expect(dueCards(pending, day(30))).toEqual([]);

    const fixed = noteReport(pending, report([mutants([])]), day(0, 1));
    expect(fixed[id as string]?.fixedAt).toBe(day(0, 1).toISOString());
    expect(dueCards(fixed, day(1))).toEqual([]);
    expect(dueCards(fixed, day(1, 1)).map(([k]) => k)).toEqual([id]);
    // A mistake never made gives no card.
    expect(Object.keys(fixed)).toEqual([id]);
  });

  it('failing scenario tests become cards named after the test', () => {
    const failing: CheckResult = {
      id: 'hidden-tests',
      kind: 'tests',
      title: 'Scenarios',
      status: 'fail',
      summary: '',
      durationMs: 1,
      tests: [
        {
          file: 'charge.test.ts',
          suite: ['charge'],
          name: 'a decline writes no ledger entry',
          status: 'fail',
          durationMs: 1,
          failure: { message: 'expected 0 entries' },
        },
      ],
    };
    const cards = noteReport(undefined, report([failing]), day(0));
    expect(Object.values(cards)).toMatchObject([
      { kind: 'scenario', wrong: 'charge › a decline writes no ledger entry', detail: 'expected 0 entries' },
    ]);
    // A check that could not run says nothing about the learner's mistakes.
    expect(noteReport(undefined, report([{ ...failing, status: 'error' }]), day(0))).toEqual({});
  });

  it('answers move a card through 1, 3, 7 and 21 days; a wrong answer sends it back to 1', () => {
    const fixed = noteReport(
      noteReport(undefined, report([mutants(['no-cap'])]), day(0)),
      report([mutants([])]),
      day(0),
    );
    let card = Object.values(fixed)[0] as ReviewCard;
    expect(REVIEW_INTERVAL_DAYS).toEqual([1, 3, 7, 21]);
    const dueIn = (c: ReviewCard, from: Date) => (Date.parse(c.dueAt ?? '') - from.getTime()) / DAY;
    card = answer(card, true, day(1));
    expect(dueIn(card, day(1))).toBe(3);
    card = answer(card, true, day(4));
    expect(dueIn(card, day(4))).toBe(7);
    card = answer(card, true, day(11));
    expect(dueIn(card, day(11))).toBe(21);
    card = answer(card, true, day(32));
    expect(dueIn(card, day(32))).toBe(21);
    card = answer(card, false, day(53));
    expect(dueIn(card, day(53))).toBe(1);
    expect(card).toMatchObject({ reviews: 5, correct: 4, step: 0 });
    expect(upcomingCards({ x: card }, day(53)).length).toBe(1);
  });

  it('of two copies of a card, the one answered last wins', () => {
    const fixed = noteReport(
      noteReport(undefined, report([mutants(['no-cap'])]), day(0)),
      report([mutants([])]),
      day(0),
    );
    const [id, card] = Object.entries(fixed)[0] as [string, ReviewCard];
    const here = { [id]: answer(card, true, day(2)) };
    const there = { [id]: answer(card, false, day(1)) };
    expect(mergeCards(here, there)?.[id]?.step).toBe(1);
    expect(mergeCards(there, here)?.[id]?.step).toBe(1);
  });
});

describe('the review queue in progress storage, backups and sync', () => {
  const clock = (at: Date) => () => at;

  it('recordRun keeps attempts, first attempt, checks still failing and the cards; hints and solution views are kept', () => {
    const storage = memoryStorage();
    let now = day(0);
    const store = new ProgressStore(storage, undefined, () => now);
    store.recordHint('refund', 1);
    store.recordHint('refund', 2);
    store.recordHint('refund', 1);
    store.recordRun('refund', { verdict: 'fail', checks: [mutants(['no-cap'])] });
    expect(store.read().exercises['refund']).toMatchObject({
      status: 'in-progress',
      attempts: 1,
      hintsUsed: 2,
      firstAttemptAt: day(0).toISOString(),
      failing: { mutants: 'Your tests catch the mutants' },
    });
    now = day(0, 2);
    store.recordSolutionViewed('refund');
    now = day(0, 3);
    store.recordSolutionViewed('refund');
    const passed = store.recordRun('refund', { verdict: 'pass', checks: [mutants([])] });
    expect(passed).toMatchObject({
      status: 'passed',
      attempts: 2,
      firstAttemptAt: day(0).toISOString(),
      solutionViewedAt: day(0, 2).toISOString(),
    });
    expect(passed.failing).toBeUndefined();
    expect(dueCards(store.read().reviews, day(1, 4)).length).toBe(1);
  });

  it('a pass of one part does not pass a review-then-fix exercise while the other part still fails', () => {
    const store = new ProgressStore(memoryStorage(), undefined, clock(day(0)));
    store.recordRun('pr', { verdict: 'fail', checks: [{ ...mutants(['no-cap']), id: 'fix-tests' }] });
    const judged = store.recordRun('pr', { verdict: 'pass', checks: [{ ...mutants([]), id: 'review' }] });
    expect(judged.status).toBe('in-progress');
    expect(judged.failing).toEqual({ 'fix-tests': 'Your tests catch the mutants' });
  });

  it('records saved before these fields existed still read, and say nothing about a first attempt they did not keep', () => {
    const old = {
      version: 1,
      exercises: { refund: { status: 'in-progress', attempts: 3, lastAttemptAt: day(-5).toISOString() } },
    };
    const store = new ProgressStore(
      memoryStorage({ 'craftpath:progress': JSON.stringify(old) }),
      undefined,
      clock(day(0)),
    );
    expect(store.read()).toEqual(old);
    const next = store.recordRun('refund', { verdict: 'fail' });
    expect(next).toMatchObject({ attempts: 4 });
    expect(next.firstAttemptAt).toBeUndefined();
  });

  it('cards travel in the backup file and merge into another browser’s queue', () => {
    const source = memoryStorage();
    const a = new ProgressStore(source, undefined, clock(day(0)));
    a.recordRun('refund', { verdict: 'fail', checks: [mutants(['no-cap'])] });
    a.recordRun('refund', { verdict: 'pass', checks: [mutants([])] });
    const file = JSON.stringify(exportBackup(source, a.read()));
    const read = readBackup(file);
    if (!read.ok) throw new Error(read.error);
    const target = memoryStorage();
    const planned = planImport(target, read.backup);
    if (!planned.ok) throw new Error(planned.error);
    expect(applyImport(target, planned.plan).ok).toBe(true);
    const b = new ProgressStore(target, undefined, clock(day(2)));
    expect(dueCards(b.read().reviews, day(2)).map(([id]) => id)).toEqual(['refund/mutants/item:no-cap']);
    expect(b.read().exercises['refund']).toMatchObject({ status: 'passed', attempts: 2 });
  });

  it('sync merges cards and the new fields, newer wins per card', () => {
    const store = new ProgressStore(memoryStorage(), undefined, clock(day(0)));
    store.recordHint('refund', 2);
    store.recordRun('refund', { verdict: 'fail', checks: [mutants(['no-cap'])] });
    store.recordRun('refund', { verdict: 'pass', checks: [mutants([])] });
    const here = store.read();
    const refund = here.exercises['refund'];
    if (!refund) throw new Error('refund was not recorded');
    const [id, card] = Object.entries(here.reviews ?? {})[0] as [string, ReviewCard];
    const there = {
      ...here,
      exercises: { refund: { ...refund, hintsUsed: 1 } },
      reviews: { [id]: answer(card, true, day(1)) },
    };
    const merged = mergeStates({ progress: here, work: {} }, { progress: there, work: {} });
    expect(merged.progress.reviews?.[id]?.step).toBe(1);
    expect(merged.progress.exercises['refund']?.hintsUsed).toBe(2);
  });
});

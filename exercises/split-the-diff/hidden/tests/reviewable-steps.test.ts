import { describe, expect, it } from 'vitest';
import { plan } from '../plan';
import { runStack } from '../src/diff/stack';

/** What each hunk is for: the four changes this pull request bundles. */
const PURPOSE: Record<string, string> = {
  h1: 'partial refunds', h2: 'partial refunds', h5: 'partial refunds', h6: 'partial refunds',
  h3: 'the ledger move', h7: 'the ledger move', h12: 'the ledger move',
  h4: 'the rename', h8: 'the rename', h10: 'the rename',
  h9: 'the rounding change', h11: 'the rounding change',
};

/** Test hunks and the behaviour hunks they test. */
const TESTS: Record<string, string[]> = { h1: ['h2'], h5: ['h6'], h9: ['h11'] };

const steps = runStack(plan);
const describeStep = (s: (typeof steps)[number]) => `step ${s.step} (${s.hunks.map((h) => h.id).join(', ')})`;

describe('a stack a reviewer can check', () => {
  it('never mixes refactoring hunks and behaviour hunks in one step', () => {
    const mixed = steps
      .filter((s) => new Set(s.hunks.map((h) => h.kind)).size > 1)
      .map((s) => `${describeStep(s)} mixes ${s.hunks.map((h) => `${h.id}:${h.kind}`).join(' ')}`);
    expect(mixed).toEqual([]);
  });

  it('gives each step one purpose: a rename, a move, partial refunds and the rounding change each stand alone', () => {
    const mixed = steps
      .filter((s) => new Set(s.hunks.map((h) => PURPOSE[h.id])).size > 1)
      .map((s) => `${describeStep(s)} combines ${[...new Set(s.hunks.map((h) => PURPOSE[h.id]))].join(' + ')}`);
    expect(mixed).toEqual([]);
  });

  it('ships each behaviour change in the same step as its tests', () => {
    const stepOf = new Map(steps.flatMap((s) => s.hunks.map((h) => [h.id, s.step] as const)));
    const apart = Object.entries(TESTS).flatMap(([testHunk, tested]) =>
      tested
        .filter((id) => stepOf.get(id) !== stepOf.get(testHunk))
        .map((id) => `${id} is in step ${stepOf.get(id)} but its tests (${testHunk}) are in step ${stepOf.get(testHunk)}`),
    );
    expect(apart).toEqual([]);
  });

  it('keeps every step green, so any prefix of the stack can ship or be rolled back', () => {
    expect(steps.filter((s) => s.failures.length > 0).map((s) => `${describeStep(s)}: ${s.failures[0]}`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { gradeDecision } from '../../src/runtime/checks/decision.ts';
import { decisionKeySchema, type DecisionAnswer } from '../../src/runtime/checks/decision-key.ts';
import type { SpecOf } from '../../src/runtime/checks/kind.ts';

const spec: SpecOf<'decision'> = {
  id: 'decision',
  title: 'Decision',
  kind: 'decision',
  file: 'decision.json',
  options: [
    { id: 'none', label: 'No cache' },
    { id: 'table', label: 'Cache table' },
    { id: 'redis', label: 'Redis' },
  ],
  criteria: [
    { id: 'p99', label: 'p99', unit: 'ms' },
    { id: 'cost', label: 'Cost', unit: 'USD/month' },
  ],
  answerKey: 'fixtures/key/decision.json',
};

const key = decisionKeySchema.parse({
  measurements: { none: { p99: 390, cost: 0 }, table: { p99: 110, cost: 314 }, redis: { p99: 16, cost: 540 } },
  constraints: [
    { criterion: 'p99', max: 120, label: 'p99 at most 120 ms' },
    { criterion: 'cost', max: 600, label: 'at most 600 USD a month' },
  ],
  explanation: 'Both caches meet every constraint.',
});

const figures = { none: { p99: 390, cost: 0 }, table: { p99: 110, cost: 314 }, redis: { p99: 16, cost: 540 } };
const answer = (choice: string | null, f: DecisionAnswer['figures'] = figures): DecisionAnswer => ({
  choice,
  figures: f,
  reason: '',
});

describe('decision check', () => {
  it('passes more than one pick when each meets every hard constraint', () => {
    expect(gradeDecision(spec, key, answer('redis')).status).toBe('pass');
    expect(gradeDecision(spec, key, answer('table')).status).toBe('pass');
  });

  it('fails a pick that breaks a constraint, judged on the data and naming the constraint', () => {
    const outcome = gradeDecision(spec, key, answer('none'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('No cache breaks 1 hard constraint · 6 of 6 figures match the data');
    expect(outcome.items?.find((i) => i.id === 'constraint-1')).toMatchObject({
      status: 'fail',
      label: 'No cache breaks: p99 at most 120 ms',
    });
    expect(gradeDecision(spec, key, answer('none'), 'all').items?.find((i) => i.id === 'constraint-1')?.message).toBe(
      'The data says 390 ms.',
    );
  });

  it('accepts figures within the tolerance and rejects ones outside it or left empty', () => {
    const close = { ...figures, redis: { p99: 17.5, cost: 500 } };
    expect(gradeDecision(spec, key, answer('redis', close)).status).toBe('pass');
    const far = { ...figures, redis: { p99: 18, cost: null } };
    const outcome = gradeDecision(spec, key, answer('redis', far));
    expect(outcome.status).toBe('fail');
    expect(outcome.scores?.['figures']).toBeCloseTo(4 / 6);
    // Before a final submission the wrong figures are named, not corrected: the learner reads the data again.
    expect(outcome.items?.find((i) => i.id === 'figures-redis')?.message).toBe(
      'p99: 18 ms, which is not what the data says. Cost: empty, which is not what the data says',
    );
    expect(
      gradeDecision(spec, key, answer('redis', far), 'all').items?.find((i) => i.id === 'figures-redis')?.message,
    ).toBe('p99: 18 ms, the data says 16 ms. Cost: empty, the data says 540 USD/month');
  });

  it('keeps the explanation for a pass or a final submission', () => {
    const outcome = gradeDecision(spec, key, answer(null));
    expect(outcome.status).toBe('fail');
    expect(outcome.items?.some((i) => i.id === 'explanation')).toBe(false);
    expect(gradeDecision(spec, key, answer(null), 'all').items?.find((i) => i.id === 'explanation')?.message).toBe(
      'Both caches meet every constraint.',
    );
    expect(gradeDecision(spec, key, answer('redis')).items?.find((i) => i.id === 'explanation')?.message).toBe(
      'Both caches meet every constraint.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { gradeReview, reviewKind } from '../../src/runtime/checks/review.ts';
import { reviewKeySchema, type ReviewAnswer, type ReviewComment } from '../../src/runtime/checks/review-key.ts';
import type { CheckContext, SpecOf } from '../../src/runtime/checks/kind.ts';

const key = reviewKeySchema.parse({
  defects: [
    {
      id: 'no-timeout',
      title: 'No timeout on the quota call',
      file: 'src/limiter.ts',
      lines: [20, 22],
      severity: 'blocking',
      keywords: ['timeout', 'breaker'],
      explanation: 'Every request waits on the quota service.',
    },
    {
      id: 'retry',
      title: 'Retry without idempotency',
      file: 'src/limiter.ts',
      lines: [30, 34],
      severity: 'blocking',
      explanation: 'A retried consume takes two tokens.',
    },
    {
      id: 'magic',
      title: 'Magic number',
      file: 'src/limiter.ts',
      lines: [40, 40],
      severity: 'non-blocking',
      labels: ['nitpick', 'suggestion'],
      explanation: 'Name the constant; changes no behaviour.',
    },
  ],
  praise: [
    { id: 'tests', title: 'Good tests', file: 'src/limiter.test.ts', lines: [1, 10], explanation: 'Fake clock.' },
  ],
  decision: { accepted: ['request-changes'], explanation: 'Two blockers make health worse.' },
  pass: { minBlockingRecall: 1, maxMiscalibrated: 0, maxFalseAlarms: 1, requirePraise: true },
});

function comment(over: Partial<ReviewComment>): ReviewComment {
  return { file: 'src/limiter.ts', startLine: 21, endLine: 21, label: 'issue', blocking: true, text: '', ...over };
}

const good: ReviewAnswer = {
  comments: [
    comment({ text: 'No TIMEOUT here: a slow quota service hangs every request.' }),
    comment({ startLine: 32, endLine: 33, text: 'consume is retried but not idempotent' }),
    comment({ startLine: 40, endLine: 40, label: 'nitpick', blocking: false, text: 'MS_PER_MINUTE?' }),
    comment({ file: 'src/limiter.test.ts', startLine: 4, endLine: 4, label: 'praise', blocking: false, text: 'Nice.' }),
  ],
  decision: 'request-changes',
};

describe('review check', () => {
  it('passes a review that finds every blocker, calls severities right, praises and requests changes', () => {
    const outcome = gradeReview(key, good);
    expect(outcome.status).toBe('pass');
    expect(outcome.scores).toMatchObject({ blockingRecall: 1, calibration: 1, precision: 1, decision: 1, praise: 1 });
    expect(outcome.summary).toBe(
      'Found 2 of 2 blocking defects · 0 with the wrong severity · 0 false alarms · decision fits',
    );
  });

  it('reveals every defect with its explanation, found or not', () => {
    const outcome = gradeReview(key, { comments: [], decision: 'approve' });
    const defects = outcome.items?.filter((i) => i.id.startsWith('defect-'));
    expect(defects?.map((d) => [d.label, d.message])).toEqual([
      ['Missed: No timeout on the quota call (blocking)', 'Every request waits on the quota service.'],
      ['Missed: Retry without idempotency (blocking)', 'A retried consume takes two tokens.'],
      ['Missed: Magic number (non-blocking)', 'Name the constant; changes no behaviour.'],
    ]);
    expect(outcome.status).toBe('fail');
  });

  it('costs calibration when a nit is marked blocking', () => {
    const answer = {
      ...good,
      comments: good.comments.map((c) => (c.label === 'nitpick' ? { ...c, blocking: true } : c)),
    };
    const outcome = gradeReview(key, answer);
    expect(outcome.status).toBe('fail');
    expect(outcome.scores?.['calibration']).toBeCloseTo(2 / 3);
    expect(outcome.items?.find((i) => i.id === 'defect-magic')?.message).toMatch(/You marked it blocking/);
  });

  it('does not count a blocker marked non-blocking as found at the right severity', () => {
    const answer = { ...good, comments: good.comments.map((c, i) => (i === 0 ? { ...c, blocking: false } : c)) };
    expect(gradeReview(key, answer).items?.find((i) => i.id === 'defect-no-timeout')?.status).toBe('fail');
  });

  it('matches keywords case-insensitively and needs one when the defect lists them', () => {
    const vague = { ...good, comments: good.comments.map((c, i) => (i === 0 ? { ...c, text: 'hmm, this line' } : c)) };
    const outcome = gradeReview(key, vague);
    expect(outcome.scores?.['blockingRecall']).toBe(0.5);
    expect(outcome.items?.some((i) => i.id.startsWith('false-alarm'))).toBe(true);
  });

  it('counts comments far from any defect as false alarms, but never praise', () => {
    const noisy: ReviewAnswer = {
      ...good,
      comments: [
        ...good.comments,
        comment({ startLine: 5, endLine: 5, label: 'suggestion', blocking: false, text: 'Use a factory.' }),
        comment({ startLine: 8, endLine: 8, label: 'nitpick', blocking: false, text: 'Rename.' }),
        comment({ startLine: 9, endLine: 9, label: 'praise', blocking: false, text: 'Nice name.' }),
      ],
    };
    const outcome = gradeReview(key, noisy);
    expect(outcome.items?.filter((i) => i.id.startsWith('false-alarm'))).toHaveLength(2);
    expect(outcome.status).toBe('fail');
    expect(outcome.scores?.['precision']).toBeCloseTo(3 / 5);
  });

  it('fails a decision that does not fit, and a review without praise when praise is required', () => {
    expect(gradeReview(key, { ...good, decision: 'approve' }).status).toBe('fail');
    expect(gradeReview(key, { ...good, comments: good.comments.filter((c) => c.label !== 'praise') }).status).toBe(
      'fail',
    );
  });

  it('fails (not errors) on an unreadable review, and errors when the key was not loaded', async () => {
    const spec: SpecOf<'review'> = {
      id: 'review',
      title: 'Review',
      kind: 'review',
      file: 'review.json',
      diff: [{ path: 'src/limiter.ts', before: 'a.ts', after: 'b.ts' }],
      answerKey: 'fixtures/key/review.json',
    };
    const context = (review: string, fixtures: Record<string, string>) =>
      ({ workspace: { 'review.json': review }, bundle: { fixtures } }) as unknown as CheckContext;
    const loaded = { 'fixtures/key/review.json': JSON.stringify(key) };
    await expect(reviewKind.run(spec, context('{ nope', loaded))).resolves.toMatchObject({ status: 'fail' });
    await expect(reviewKind.run(spec, context(JSON.stringify(good), {}))).rejects.toThrow(/not loaded/);
    await expect(reviewKind.run(spec, context(JSON.stringify(good), loaded))).resolves.toMatchObject({
      status: 'pass',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
      concepts: [
        { name: 'timeout', terms: ['timeout', 'time out'] },
        { name: 'breaker', terms: ['breaker', 'circuit'] },
      ],
      explanation: 'Every request waits on the quota service.',
    },
    {
      id: 'retry',
      title: 'Retry without idempotency',
      file: 'src/limiter.ts',
      lines: [30, 34],
      severity: 'blocking',
      concepts: [{ name: 'idempotency', terms: ['idempot', 'twice'] }],
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

  it('names a missed defect only after a final submission, so submitting again is not copying', () => {
    const empty: ReviewAnswer = { comments: [], decision: 'approve' };
    const first = gradeReview(key, empty, 'found');
    expect(first.items?.map((i) => i.label)).toEqual([
      'Missed: 2 defects the review was asked to find',
      'Nothing praised: the key asks you to name one thing the author should keep doing',
      'Decision: approve does not fit',
    ]);
    expect(JSON.stringify(first.items)).not.toMatch(/timeout|idempotency|request-changes|limiter.ts/i);
    const final = gradeReview(key, empty, 'all');
    expect(final.items?.filter((i) => i.id.startsWith('defect-')).map((d) => [d.label, d.status])).toEqual([
      ['Missed: No timeout on the quota call (blocking)', 'fail'],
      ['Missed: Retry without idempotency (blocking)', 'fail'],
      // The nit is not asked for: after the final submission it is information, not a red "Missed".
      ['Not required: Magic number (non-blocking)', 'pass'],
    ]);
    expect(final.items?.find((i) => i.id === 'decision')?.label).toBe(
      'Decision: approve does not fit (fits: request-changes)',
    );
  });

  it('explains a found defect and says which comment found it', () => {
    const item = gradeReview(key, good).items?.find((i) => i.id === 'defect-no-timeout');
    expect(item?.label).toBe('Found: No timeout on the quota call (blocking)');
    expect(item?.message).toBe(
      'Every request waits on the quota service. Found by your issue on src/limiter.ts:21 (you mentioned: timeout).',
    );
  });

  it('credits one comment with at most one defect, by what it says and not only where it is', () => {
    // One blocking comment spread over both defects, talking about backoff and docs: it names neither concern.
    const vague = comment({ startLine: 20, endLine: 34, text: 'Add backoff; add a doc comment.' });
    const outcome = gradeReview(key, { ...good, comments: [vague, ...good.comments.slice(2)] });
    expect(outcome.counts).toMatchObject({ blockingFound: 0, falseAlarms: 1 });
    // A comment that names both concerns still finds only one of them; a second comment finds the other.
    const both = comment({ startLine: 20, endLine: 34, text: 'No timeout, and the retry is not idempotent.' });
    expect(gradeReview(key, { ...good, comments: [both] }).counts).toMatchObject({ blockingFound: 1 });
    const two = [both, comment({ startLine: 30, endLine: 31, text: 'consume can run twice' })];
    const paired = gradeReview(key, { ...good, comments: [...two, ...good.comments.slice(3)] });
    expect(paired.counts).toMatchObject({ blockingFound: 2, falseAlarms: 0 });
    expect(paired.items?.find((i) => i.id === 'defect-no-timeout')?.message).toMatch(/issue on src\/limiter.ts:20–34/);
    expect(paired.items?.find((i) => i.id === 'defect-retry')?.message).toMatch(/issue on src\/limiter.ts:30–31/);
  });

  it('scores a style-only review that approves an outage low on severity and on pointing at defects', () => {
    const styleOnly: ReviewAnswer = {
      comments: [
        comment({ startLine: 40, endLine: 40, label: 'nitpick', blocking: false, text: 'MS_PER_MINUTE?' }),
        comment({ startLine: 21, endLine: 21, label: 'nitpick', blocking: false, text: 'Rename this variable.' }),
      ],
      decision: 'approve',
    };
    const outcome = gradeReview(key, styleOnly);
    expect(outcome.status).toBe('fail');
    expect(outcome.scores).toMatchObject({ blockingRecall: 0, calibration: 0, precision: 0, decision: 0 });
  });

  it('neither credits nor misses an unasked nit, but a good review that also names it keeps full scores', () => {
    const withoutNit = { ...good, comments: good.comments.filter((c) => c.label !== 'nitpick') };
    const outcome = gradeReview(key, withoutNit);
    expect(outcome.status).toBe('pass');
    expect(outcome.items?.some((i) => i.id === 'defect-magic')).toBe(false);
    expect(outcome.scores).toMatchObject({ calibration: 1, precision: 1 });
    expect(gradeReview(key, good).items?.find((i) => i.id === 'defect-magic')?.label).toBe(
      'Also found (not required): Magic number (non-blocking)',
    );
  });

  it('does not report a real praise comment elsewhere as "nothing praised"', () => {
    const elsewhere = good.comments.map((c) =>
      c.label === 'praise' ? { ...c, file: 'src/limiter.ts', startLine: 50, endLine: 50 } : c,
    );
    const outcome = gradeReview(key, { ...good, comments: elsewhere });
    expect(outcome.summary).not.toMatch(/nothing praised/);
    expect(outcome.items?.find((i) => i.id === 'praise')?.label).toBe(
      'Your 1 praise comment is not on code the key singles out',
    );
  });

  it('scores praise only where the key asks for it', () => {
    const unasked = reviewKeySchema.parse({ ...key, pass: { ...key.pass, requirePraise: false } });
    const outcome = gradeReview(unasked, { ...good, comments: good.comments.filter((c) => c.label !== 'praise') });
    expect(outcome.status).toBe('pass');
    expect(outcome.scores).not.toHaveProperty('praise');
    expect(outcome.items?.some((i) => i.id.startsWith('praise'))).toBe(false);
  });

  it('costs calibration when a nit is marked blocking, even one the key does not ask for', () => {
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

  it('matches concepts case-insensitively and needs one when the defect lists them', () => {
    const vague = { ...good, comments: good.comments.map((c, i) => (i === 0 ? { ...c, text: 'hmm, this line' } : c)) };
    const outcome = gradeReview(key, vague);
    expect(outcome.scores?.['blockingRecall']).toBe(0.5);
    expect(outcome.counts?.['falseAlarms']).toBe(1);
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
    expect(outcome.counts?.['falseAlarms']).toBe(2);
    expect(outcome.status).toBe('fail');
    // The right call on the unasked nit counts neither way: 2 of the 4 scored comments point at a defect.
    expect(outcome.scores?.['precision']).toBeCloseTo(2 / 4);
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
      ({ workspace: { 'review.json': review }, bundle: { fixtures }, reveal: 'found' }) as unknown as CheckContext;
    const loaded = { 'fixtures/key/review.json': JSON.stringify(key) };
    await expect(reviewKind.run(spec, context('{ nope', loaded))).resolves.toMatchObject({ status: 'fail' });
    await expect(reviewKind.run(spec, context(JSON.stringify(good), {}))).rejects.toThrow(/not loaded/);
    await expect(reviewKind.run(spec, context(JSON.stringify(good), loaded))).resolves.toMatchObject({
      status: 'pass',
    });
  });
});

describe('the rate-limiter pull request key', () => {
  const real = reviewKeySchema.parse(
    JSON.parse(readFileSync('exercises/review-rate-limiter-pr/fixtures/key/review.json', 'utf8')),
  );
  const at = (startLine: number, endLine: number, over: Partial<ReviewComment> = {}): ReviewComment =>
    comment({ file: 'src/rate-limiter.ts', startLine, endLine, ...over });

  it('credits "add backoff; add a doc comment" across the file with the missing docs only', () => {
    const outcome = gradeReview(real, {
      comments: [at(4, 44, { text: 'Add backoff; add a doc comment.' })],
      decision: 'request-changes',
    });
    expect(outcome.counts).toMatchObject({ blockingFound: 1, blockingTotal: 3 });
    expect(outcome.items?.find((i) => i.id === 'defect-undocumented-options')?.status).toBe('pass');
    expect(outcome.items?.some((i) => i.id === 'defect-no-circuit-breaker')).toBe(false);
    expect(outcome.status).toBe('fail');
  });

  it('scores a style-only approval of the outage at 0% severity and 0% pointing at a defect', () => {
    const outcome = gradeReview(real, {
      comments: [
        at(32, 32, { label: 'nitpick', blocking: false, text: 'Use 60_000.' }),
        at(33, 33, { label: 'nitpick', blocking: false, text: 'Name this constant.' }),
      ],
      decision: 'approve',
    });
    expect(outcome.scores).toMatchObject({ blockingRecall: 0, calibration: 0, precision: 0 });
  });
});

describe('the capstone follow-up pull request key', () => {
  const dir = 'exercises/capstone-retry-storm';
  const capstone = reviewKeySchema.parse(JSON.parse(readFileSync(`${dir}/fixtures/key/review.json`, 'utf8')));
  const reference = JSON.parse(readFileSync(`${dir}/solution/review.json`, 'utf8')) as ReviewAnswer;

  it('passes the reference review, the unasked question counting neither way', () => {
    const outcome = gradeReview(capstone, reference);
    expect(outcome.status).toBe('pass');
    expect(outcome.scores).toMatchObject({ blockingRecall: 1, calibration: 1, precision: 1, praise: 1 });
  });

  it('does not credit "use exponential backoff with jitter" on the retry loop with the ADR violation', () => {
    const [, sdk, , praise] = reference.comments;
    if (!sdk || !praise) throw new Error('the reference review changed');
    const jitter: ReviewComment = {
      file: 'src/checkout/place-order.ts',
      startLine: 24,
      endLine: 28,
      label: 'issue',
      blocking: true,
      text: 'A fixed 200 ms delay retries in lockstep: use exponential backoff with jitter.',
    };
    const outcome = gradeReview(capstone, { comments: [jitter, sdk, praise], decision: 'request-changes' });
    expect(outcome.counts).toMatchObject({ blockingFound: 1, falseAlarms: 1 });
    expect(outcome.status).toBe('fail');
  });
});

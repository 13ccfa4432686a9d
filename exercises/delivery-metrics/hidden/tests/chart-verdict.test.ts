import { describe, expect, it } from 'vitest';
import { judgement, type Reason } from '../src/chart-verdict';

const required: Reason[] = ['within-normal-variation', 'confounded-by-other-change'];
const supported: Reason[] = [...required, 'regression-to-the-mean', 'too-few-data-points', 'metric-not-tied-to-goal'];

describe('your judgement of the lead-time slide', () => {
  it('does not accept the slide’s claim: the data cannot separate the lint gate from noise and other changes', () => {
    expect(judgement.verdict).toBe('insufficient-evidence');
  });

  it('names the swings before the change and the events of week 19', () => {
    const missing = required.filter((r) => !judgement.reasons.includes(r));
    expect(missing, 'look at weeks 1–12, and at what else happened in week 19').toEqual([]);
  });

  it('names only reasons the data and the change log support', () => {
    const unsupported = judgement.reasons.filter((r) => !supported.includes(r));
    expect(unsupported, 'nothing in the data or the log shows this').toEqual([]);
  });

  it('explains the judgement in a sentence or two for the reviewer', () => {
    expect(judgement.explanation.trim().length).toBeGreaterThanOrEqual(40);
  });
});

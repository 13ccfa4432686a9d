/**
 * Your judgement of the slide in lead-time-chart.ts. Pick a verdict and every reason that the data
 * and the change log support; leave out reasons they do not. The explanation is for your reviewer and
 * is not scored.
 */

export type Verdict = 'improved' | 'got-worse' | 'no-change' | 'insufficient-evidence';

export type Reason =
  /** The change is no bigger than the swings between earlier windows. */
  | 'within-normal-variation'
  /** Something else changed at the same time and could explain the difference. */
  | 'confounded-by-other-change'
  /** The "before" window was an unusually bad stretch; the next one would likely be better anyway. */
  | 'regression-to-the-mean'
  /** The windows are too short to tell a trend from noise. */
  | 'too-few-data-points'
  /** The metric is not a signal of the goal the change was made for. */
  | 'metric-not-tied-to-goal'
  /** The windows were picked after looking at the data to flatter the result. */
  | 'window-chosen-after-seeing-data'
  /** The team was being judged on this metric, so it may have been gamed. */
  | 'metric-became-a-target';

export interface Judgement {
  verdict: Verdict;
  reasons: Reason[];
  explanation: string;
}

export const judgement: Judgement = {
  verdict: 'improved',
  reasons: [],
  explanation: '',
};

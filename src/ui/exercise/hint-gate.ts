import { t } from '../../i18n/index.ts';

/** What the "next hint" button offers, given how many hints are open. */
export interface HintButtonState {
  /** Whether pressing it opens a hint now. */
  enabled: boolean;
  text: string;
}

/**
 * The hint button after `shown` of `total` hints are open. On a judgment exercise (`lastAfterSubmit`) the
 * last hint is the closest to the answer, so it waits for a first submission: a learner commits to their
 * own judgment once before reading it.
 */
export function hintButtonState(
  shown: number,
  total: number,
  { lastAfterSubmit, submitted }: { lastAfterSubmit: boolean; submitted: boolean },
): HintButtonState {
  if (shown >= total) return { enabled: false, text: t.noMoreHints };
  if (lastAfterSubmit && !submitted && shown === total - 1) return { enabled: false, text: t.lastHintAfterSubmit };
  return { enabled: true, text: t.showHint(shown + 1, total) };
}

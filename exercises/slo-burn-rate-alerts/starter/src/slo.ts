import type { RequestRecord, Slo } from './request-log';

/**
 * Availability SLI and burn-rate alerts for the checkout API. The rules, so that the SLI, the burn rate
 * and the alert agree with each other and with the error budget policy:
 *
 * - A window is half-open, [end - length, end), in real time: compare instants, never logged strings.
 * - Valid events: every distinct request (by id) in the window. A duplicate log line is not a second
 *   request.
 * - Good events: valid requests that did not fail on our side: a status below 500. A 4xx is the client's
 *   error and spends no error budget.
 * - availability: good ÷ valid. A window without requests has no availability (undefined), not 100%.
 * - burnRate: how fast the window spends the budget, (1 − availability) ÷ (1 − objective). A burn rate
 *   of 1 spends exactly the budget over the SLO period. A window without requests spends nothing: 0.
 * - alert: the multi-window, multi-burn-rate policy of the Site Reliability Workbook (ch. 5). Page when
 *   the burn rate is above 14.4 over both the last hour and the last 5 minutes, or above 6 over both the
 *   last 6 hours and the last 30 minutes; open a ticket when it is above 1 over both the last 3 days and
 *   the last 6 hours. The short window makes the alert stop soon after the errors stop.
 */
export function availability(_log: RequestRecord[], _end: number, _lengthMs: number): number | undefined {
  throw new Error('availability is not written yet');
}

export function burnRate(_log: RequestRecord[], _end: number, _lengthMs: number, _slo: Slo): number {
  throw new Error('burnRate is not written yet');
}

export type Alert = 'page' | 'ticket' | 'none';

export function alert(_log: RequestRecord[], _now: number, _slo: Slo): Alert {
  throw new Error('alert is not written yet');
}

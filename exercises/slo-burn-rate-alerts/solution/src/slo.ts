import { DAY, HOUR, MINUTE, type RequestRecord, type Slo } from './request-log';

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
function inWindow(log: RequestRecord[], end: number, lengthMs: number): RequestRecord[] {
  const start = end - lengthMs;
  const seen = new Set<string>();
  const kept: RequestRecord[] = [];
  for (const record of log) {
    const at = Date.parse(record.at);
    if (at < start || at >= end || seen.has(record.id)) continue;
    seen.add(record.id);
    kept.push(record);
  }
  return kept;
}

export function availability(log: RequestRecord[], end: number, lengthMs: number): number | undefined {
  const valid = inWindow(log, end, lengthMs);
  if (valid.length === 0) return undefined;
  return valid.filter((r) => r.status < 500).length / valid.length;
}

export function burnRate(log: RequestRecord[], end: number, lengthMs: number, slo: Slo): number {
  const sli = availability(log, end, lengthMs);
  if (sli === undefined) return 0;
  return (1 - sli) / (1 - slo.objective);
}

export type Alert = 'page' | 'ticket' | 'none';

const PAGE_RULES = [
  { long: HOUR, short: 5 * MINUTE, threshold: 14.4 },
  { long: 6 * HOUR, short: 30 * MINUTE, threshold: 6 },
];
const TICKET_RULES = [{ long: 3 * DAY, short: 6 * HOUR, threshold: 1 }];

export function alert(log: RequestRecord[], now: number, slo: Slo): Alert {
  const fires = (rule: { long: number; short: number; threshold: number }): boolean =>
    burnRate(log, now, rule.long, slo) > rule.threshold && burnRate(log, now, rule.short, slo) > rule.threshold;
  if (PAGE_RULES.some(fires)) return 'page';
  if (TICKET_RULES.some(fires)) return 'ticket';
  return 'none';
}

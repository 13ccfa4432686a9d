import type { RequestRecord } from './request-log';

/**
 * Synthetic traffic for tests: `perMinute` requests a minute, evenly spaced, from `from` (inclusive) to
 * `to` (exclusive), in UTC. `fails(i, at)` says whether the i-th request failed (status 503).
 */
export function traffic(
  from: number,
  to: number,
  perMinute: number,
  fails: (i: number, at: number) => boolean = () => false,
  prefix = 'r',
): RequestRecord[] {
  const step = 60_000 / perMinute;
  const records: RequestRecord[] = [];
  for (let at = from, i = 0; at < to; at += step, i += 1) {
    records.push({ id: `${prefix}-${i}`, at: new Date(at).toISOString(), status: fails(i, at) ? 503 : 200, latencyMs: 40 });
  }
  return records;
}

/**
 * One line of the checkout API's request log, as the load balancers write it. Each load balancer stamps
 * the time with its own clock and its own UTC offset, and the log is shipped at least once: after a
 * shipper restart the same request (same id) can appear twice.
 */
export interface RequestRecord {
  /** Unique per request; a duplicate line repeats it. */
  id: string;
  /** ISO 8601 with an offset, e.g. "2026-03-02T10:00:00.250+01:00". */
  at: string;
  /** HTTP status the client received. */
  status: number;
  /** Time to the last byte of the response. */
  latencyMs: number;
}

/** The service level objective: a share of good requests over a rolling period. */
export interface Slo {
  /** Target share of good requests, e.g. 0.999 for 99.9%. */
  objective: number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

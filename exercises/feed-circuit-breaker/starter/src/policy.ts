/**
 * The feed's stability numbers. Each comes from a measurement or a product decision, written down so the
 * next person can change it for a reason.
 */
export interface FeedPolicy {
  /** The whole home-feed request must answer within this. */
  budgetMs: number;
  /** A badge is worth little waiting: messaging's p99 on a good day is 40 ms. */
  unreadTimeoutMs: number;
  /** Consecutive failed messaging calls (errors or timeouts) that open the breaker. */
  failureThreshold: number;
  /** How long an open breaker rejects calls before letting one probe through. */
  resetAfterMs: number;
  /** At most this many messaging calls in flight per feed instance; more are rejected at once. */
  maxConcurrentCalls: number;
}

export const FEED_POLICY: FeedPolicy = {
  budgetMs: 800,
  unreadTimeoutMs: 150,
  failureThreshold: 5,
  resetAfterMs: 10_000,
  maxConcurrentCalls: 20,
};

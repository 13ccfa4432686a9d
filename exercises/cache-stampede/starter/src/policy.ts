export const CACHE_POLICY = {
  /** How stale a profile may be when nobody invalidated it (a product decision, written down). */
  ttlMs: 60_000,
  /** Up to this much is added to each TTL at random, so keys cached together do not expire together. */
  ttlJitterMs: 6_000,
  /** On a `wait` lease result: sleep this long, then ask the cache again... */
  leaseWaitMs: 10,
  /** ...at most this many times, then read the database yourself. */
  maxLeaseWaits: 20,
  /** While the cache is down, at most this many reads may hit the database at once per instance. */
  maxDbFallback: 10,
};

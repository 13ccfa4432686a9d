/**
 * Per-merchant request limits for the API gateway: a token bucket holds up to `capacity` tokens and
 * earns `refillPerSecond` more each second. A request takes one token or is turned away (HTTP 429).
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #msPerToken: number;
  #tokens: number;
  #lastRefill: number;

  constructor(capacity: number, refillPerSecond: number) {
    this.#capacity = capacity;
    this.#msPerToken = 1000 / refillPerSecond;
    this.#tokens = capacity;
    this.#lastRefill = Date.now();
  }

  /** Takes a token if one is available. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token; 0 if one is available now. */
  msUntilNextToken(): number {
    this.#refill();
    if (this.#tokens >= 1) return 0;
    return Math.max(0, Math.ceil(this.#lastRefill + this.#msPerToken - Date.now()));
  }

  // Whole tokens only, counted from the last refill, so there is no floating-point drift at the edges.
  #refill(): void {
    const now = Date.now();
    if (now <= this.#lastRefill) return; // no time passed, or the clock went backwards (NTP step)
    if (this.#tokens >= this.#capacity) {
      this.#lastRefill = now; // a full bucket does not bank progress toward the next token
      return;
    }
    const earned = Math.floor((now - this.#lastRefill) / this.#msPerToken);
    if (earned === 0) return;
    this.#tokens = Math.min(this.#capacity, this.#tokens + earned);
    this.#lastRefill = this.#tokens === this.#capacity ? now : this.#lastRefill + earned * this.#msPerToken;
  }
}

/** No token would arrive within the caller's wait budget; answer 429 with Retry-After instead of waiting. */
export class RateLimitTimeoutError extends Error {
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number) {
    super(`no token within the wait budget; next one in ${retryAfterMs} ms`);
    this.name = 'RateLimitTimeoutError';
    this.retryAfterMs = retryAfterMs;
  }
}

export interface AcquireOptions {
  /** The longest this caller will wait in total. */
  maxWaitMs: number;
  /** Aborting (the client hung up) stops the wait at once with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Waits for a token, for internal batch jobs that would rather queue than get a 429. Rejects at once,
 * without waiting, when the next token would come after the budget runs out.
 */
export async function acquire(bucket: TokenBucket, { maxWaitMs, signal }: AcquireOptions): Promise<void> {
  let budgetMs = maxWaitMs;
  for (;;) {
    signal?.throwIfAborted();
    if (bucket.tryTake()) return;
    const waitMs = bucket.msUntilNextToken();
    if (waitMs > budgetMs) throw new RateLimitTimeoutError(waitMs);
    budgetMs -= waitMs;
    await sleep(waitMs, signal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

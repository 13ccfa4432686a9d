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

/**
 * "Full jitter" (Amazon Builders' Library): a uniformly random wait between 0 and the capped exponential
 * backoff, so clients that failed together do not retry together. `retry` is 0 before the first retry.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Runs `operation`, retrying retryable failures with backoff: at most `maxAttempts` times, within `deadlineMs`. */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  const started = deps.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const last = attempt + 1 >= policy.maxAttempts;
      if (last || !deps.isRetryable(error)) throw error;
      const delay = backoffDelay(attempt, policy, deps.random);
      // Time at the bank counts too: a slow dependency uses up the budget as surely as waiting does.
      if (deps.now() - started + delay > policy.deadlineMs) throw error;
      await deps.sleep(delay);
    }
  }
}

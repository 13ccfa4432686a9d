import type { Clock } from './clock.ts';
import type { QuotaClient } from './quota-client.ts';

export interface RateLimiterOptions {
  limitPerMinute: number;
  burst: number;
  retries: number;
  quota: QuotaClient;
  clock: Clock;
}

export interface Decision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * A token bucket per API key, held by the shared quota service so that every instance of the API draws
 * from the same bucket and a key gets its limit once, not once per instance.
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;

  constructor(options: RateLimiterOptions) {
    this.#options = options;
  }

  async check(apiKey: string, requestId: string): Promise<Decision> {
    const now = this.#options.clock.now();
    const remaining = await this.#consume(apiKey, requestId, now);
    if (remaining >= 0) return { allowed: true, retryAfterSeconds: 0 };
    const refillMs = 60000 / this.#options.limitPerMinute;
    return { allowed: false, retryAfterSeconds: Math.ceil((-remaining * refillMs) / 1000) };
  }

  async #consume(apiKey: string, requestId: string, now: number): Promise<number> {
    const { quota, burst, limitPerMinute, retries } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await quota.consume({ key: apiKey, tokens: 1, at: now, capacity: burst, perMinute: limitPerMinute });
        return result.remaining;
      } catch (error) {
        if (attempt >= retries) throw error;
      }
    }
  }
}

import type { Clock } from './clock.ts';

export interface RateLimiterOptions {
  /** Requests each API key may make per minute. */
  limitPerMinute: number;
  clock: Clock;
}

export interface Decision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows per API key, kept in this process. Each instance counts on its own, so with
 * N instances a key can make N times its limit: the reason for the change under review.
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimiterOptions) {
    this.#options = options;
  }

  check(apiKey: string): Decision {
    const now = this.#options.clock.now();
    const window = this.#windows.get(apiKey);
    if (!window || now - window.start >= 60_000) {
      this.#windows.set(apiKey, { start: now, count: 1 });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    window.count += 1;
    if (window.count <= this.#options.limitPerMinute) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.ceil((window.start + 60_000 - now) / 1000) };
  }
}

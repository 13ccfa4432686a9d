/** Thrown instead of calling the dependency while the breaker is open. */
export class BreakerOpenError extends Error {
  override name = 'BreakerOpenError';
}

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before letting one probe call through. */
  resetAfterMs: number;
  now: () => number;
}

/** The breaker from the failure-isolation lesson: closed → open after N failures → half-open probe. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;

  constructor(private readonly options: BreakerOptions) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.options.now() - this.openedAt >= this.options.resetAfterMs ? 'half-open' : 'open';
  }

  async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.state === 'open') throw new BreakerOpenError('bank circuit open');
    try {
      const result = await work();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.failures++;
      if (this.state === 'half-open' || this.failures >= this.options.failureThreshold) this.openedAt = this.options.now();
      throw error;
    }
  }
}

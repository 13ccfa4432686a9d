/**
 * Stops calling a dependency that is clearly broken.
 *
 * closed:    calls go through; `failureThreshold` consecutive failures open the breaker.
 * open:      calls are rejected at once with CircuitOpenError, without calling the dependency,
 *            until `resetAfterMs` have passed since it opened.
 * half-open: exactly one call (the probe) goes through; every other call is rejected while it runs.
 *            The probe's success closes the breaker; its failure opens it for another full interval.
 */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

type State = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private state: State = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly resetAfterMs: number,
    /** Injected so tests control time; fake timers also move Date.now(). */
    private readonly now: () => number = () => Date.now(),
  ) {}

  get current(): State {
    return this.state;
  }

  async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.state === 'open') {
      if (this.now() - this.openedAt < this.resetAfterMs) throw new CircuitOpenError('circuit open');
      this.state = 'half-open';
    }
    const isProbe = this.state === 'half-open';
    if (isProbe) {
      if (this.probeInFlight) throw new CircuitOpenError('a probe is already in flight');
      this.probeInFlight = true;
    }
    try {
      const result = await work();
      this.state = 'closed';
      this.failures = 0;
      return result;
    } catch (error) {
      this.failures++;
      if (isProbe || this.failures >= this.failureThreshold) this.open();
      throw error;
    } finally {
      if (isProbe) this.probeInFlight = false;
    }
  }

  private open(): void {
    // A real service would log this: "messaging breaker opened" is the alert you want.
    this.state = 'open';
    this.openedAt = this.now();
  }
}

/**
 * Caps how many calls to one dependency may be in flight. When full it rejects at once with
 * BulkheadFullError: a queue in front of a hung dependency is only a slower way to run out of memory.
 */
export class BulkheadFullError extends Error {
  override name = 'BulkheadFullError';
}

export class Bulkhead {
  constructor(private readonly maxConcurrent: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    // TODO: count calls in flight and reject when `maxConcurrent` are already running.
    return work();
  }
}

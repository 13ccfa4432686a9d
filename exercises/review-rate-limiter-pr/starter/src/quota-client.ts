export interface ConsumeRequest {
  /** The API key whose bucket is drawn from. */
  key: string;
  tokens: number;
  /** Time of the request, in milliseconds. */
  at: number;
  /** Bucket size. */
  capacity: number;
  /** Refill rate. */
  perMinute: number;
  /**
   * The quota service applies a consume with the same idempotency key only once, and answers a repeat
   * with the first result. Send one key per API request, the same on every attempt.
   */
  idempotencyKey?: string;
}

/** The shared quota service: takes tokens from a key's bucket and says how many are left (negative: over). */
export interface QuotaClient {
  consume(request: ConsumeRequest): Promise<{ remaining: number }>;
}

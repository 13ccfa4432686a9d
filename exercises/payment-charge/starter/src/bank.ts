/** What we ask the card bank to do. The idempotency key makes a resent request safe to process once. */
export interface ChargeRequest {
  idempotencyKey: string;
  accountId: string;
  amountCents: number;
}

export type BankReply = { outcome: 'approved'; bankReference: string } | { outcome: 'declined'; reason: string };

/** The bank's client library. It throws instead of replying when something went wrong on the way. */
export interface Bank {
  charge(request: ChargeRequest): Promise<BankReply>;
}

/**
 * No answer in time. The bank may have charged the card or not: we cannot know until we ask it later.
 */
export class BankTimeoutError extends Error {
  override name = 'BankTimeoutError';
}

/** The bank answered 5xx: it says it did not process the request, so sending it again is safe. */
export class BankUnavailableError extends Error {
  override name = 'BankUnavailableError';
  readonly status: number;
  constructor(status: number) {
    super(`bank answered ${status}`);
    this.status = status;
  }
}

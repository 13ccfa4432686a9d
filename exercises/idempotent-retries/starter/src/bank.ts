/** The acquiring bank's charge API, as our payment service sees it. */

export interface BankChargeRequest {
  /** The bank stores the first result per key: a repeat gets the same charge back, never a new one. */
  idempotencyKey: string;
  amountCents: number;
  currency: 'EUR' | 'USD';
  cardToken: string;
}

export interface Bank {
  charge(request: BankChargeRequest): Promise<{ chargeId: string }>;
}

/**
 * The bank answered 5xx: it says it did not process the request, so no money moved. Safe to send again
 * with the same idempotency key, within the retry budget.
 */
export class BankUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BankUnavailableError';
  }
}

/**
 * No answer: a timeout, or the connection dropped after the request was sent. The bank may have charged
 * the card or not; only reconciliation, asking the bank by idempotency key, can tell. Never retried blindly.
 */
export class BankTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BankTimeoutError';
  }
}

/** The issuer refused the card. Final: retrying gets the same answer and annoys the issuer. */
export class CardDeclinedError extends Error {
  constructor() {
    super('card declined');
    this.name = 'CardDeclinedError';
  }
}

/** The bank's 422: this idempotency key was used before with different parameters. */
export class BankKeyReusedError extends Error {
  constructor() {
    super('idempotency key reused with different parameters');
    this.name = 'BankKeyReusedError';
  }
}

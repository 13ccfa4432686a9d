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
 * Timeout, 5xx or connection reset: the charge may or may not have been made. Safe to retry only with
 * the same idempotency key.
 */
export class BankUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BankUnavailableError';
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

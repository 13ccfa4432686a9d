/**
 * The port the refund service depends on: what it needs from a card payment provider, in our terms
 * (integer cents, upper-case currency codes). HttpPaymentGateway implements it against the provider's
 * API; InMemoryPaymentGateway is the fake the service tests use. Both must behave as described here.
 */

export type Currency = 'EUR' | 'USD';

export interface Charge {
  id: string;
  amountCents: number;
  currency: Currency;
  /** Only a succeeded charge has money that can be refunded. */
  status: 'succeeded' | 'pending' | 'failed';
}

export interface Refund {
  id: string;
  chargeId: string;
  amountCents: number;
  /** A pending refund has not reached the card yet but already counts against the charge. */
  status: 'succeeded' | 'pending' | 'failed';
}

export interface RefundRequest {
  chargeId: string;
  amountCents: number;
  /** The same key with the same charge and amount returns the refund created the first time. */
  idempotencyKey: string;
}

export type RefundRejection =
  | 'charge-not-found'
  | 'charge-not-refundable'
  | 'invalid-amount'
  | 'amount-too-large'
  | 'idempotency-key-reused';

/** The provider refused the refund; nothing was created. Other errors (outages) are plain Errors. */
export class RefundRejectedError extends Error {
  readonly code: RefundRejection;

  constructor(code: RefundRejection) {
    super(`refund rejected: ${code}`);
    this.name = 'RefundRejectedError';
    this.code = code;
  }
}

export interface PaymentGateway {
  /** The charge, or undefined if the provider does not know it. */
  getCharge(chargeId: string): Promise<Charge | undefined>;
  /** Refunds of the charge, oldest first; empty for an unknown charge. */
  listRefunds(chargeId: string): Promise<Refund[]>;
  /**
   * Creates a refund, or rejects with RefundRejectedError:
   * - charge-not-found: no such charge
   * - charge-not-refundable: the charge has not succeeded
   * - invalid-amount: the amount is not a whole number of cents above zero
   * - amount-too-large: more than the charge minus its succeeded and pending refunds (failed ones give money back)
   * - idempotency-key-reused: the key was used before for a different charge or amount
   * A key already used with the same charge and amount returns the first refund and creates nothing.
   */
  createRefund(request: RefundRequest): Promise<Refund>;
}

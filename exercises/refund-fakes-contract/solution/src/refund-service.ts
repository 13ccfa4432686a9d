import { RefundRejectedError, type PaymentGateway, type Refund } from './payment-gateway';

export interface RefundCommand {
  chargeId: string;
  amountCents: number;
  /** Identifies the customer's refund request; a retry of the same request reuses it. */
  requestId: string;
}

export type RefundOutcome =
  | {
      ok: true;
      refundId: string;
      status: Refund['status'];
      /** What can still be refunded on the charge after this refund. */
      remainingCents: number;
    }
  | { ok: false; reason: 'invalid-amount' | 'charge-not-found' | 'not-refundable' | 'exceeds-remaining' };

/** The provider's rejections that are answers for the customer, not failures to retry. */
const REJECTIONS = {
  'charge-not-found': 'charge-not-found',
  'charge-not-refundable': 'not-refundable',
  'amount-too-large': 'exceeds-remaining',
} as const;

export class RefundService {
  readonly #gateway: PaymentGateway;

  constructor(gateway: PaymentGateway) {
    this.#gateway = gateway;
  }

  async refund({ chargeId, amountCents, requestId }: RefundCommand): Promise<RefundOutcome> {
    if (!Number.isInteger(amountCents) || amountCents <= 0) return { ok: false, reason: 'invalid-amount' };

    // The provider already refuses unknown and unsettled charges, so we ask it directly: one round trip
    // fewer before the refund, and the charge and its refunds are then read in parallel.
    let refund: Refund;
    try {
      refund = await this.#gateway.createRefund({ chargeId, amountCents, idempotencyKey: `refund:${requestId}` });
    } catch (error) {
      if (error instanceof RefundRejectedError && error.code in REJECTIONS) {
        return { ok: false, reason: REJECTIONS[error.code as keyof typeof REJECTIONS] };
      }
      throw error;
    }

    const [charge, refunds] = await Promise.all([this.#gateway.getCharge(chargeId), this.#gateway.listRefunds(chargeId)]);
    if (!charge) throw new Error(`charge ${chargeId} disappeared after refund ${refund.id}`);
    return { ok: true, refundId: refund.id, status: refund.status, remainingCents: charge.amountCents - committed(refunds) };
  }
}

/** Succeeded and pending refunds hold money; failed ones gave it back. */
function committed(refunds: readonly Refund[]): number {
  return refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountCents, 0);
}

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

/**
 * Next change, once the tests are rewritten: every refund costs three sequential round trips to the
 * provider. The provider already refuses unknown and unsettled charges itself, so create the refund first
 * (turning its refusals into our reasons), then read the charge and its refunds in parallel: two round
 * trips, the same answers. Your tests should not need to change.
 */
export class RefundService {
  readonly #gateway: PaymentGateway;

  constructor(gateway: PaymentGateway) {
    this.#gateway = gateway;
  }

  async refund({ chargeId, amountCents, requestId }: RefundCommand): Promise<RefundOutcome> {
    if (!Number.isInteger(amountCents) || amountCents <= 0) return { ok: false, reason: 'invalid-amount' };

    const charge = await this.#gateway.getCharge(chargeId);
    if (!charge) return { ok: false, reason: 'charge-not-found' };
    if (charge.status !== 'succeeded') return { ok: false, reason: 'not-refundable' };

    let refund: Refund;
    try {
      refund = await this.#gateway.createRefund({ chargeId, amountCents, idempotencyKey: `refund:${requestId}` });
    } catch (error) {
      if (error instanceof RefundRejectedError && error.code === 'amount-too-large') {
        return { ok: false, reason: 'exceeds-remaining' };
      }
      throw error;
    }

    const refunds = await this.#gateway.listRefunds(chargeId);
    return { ok: true, refundId: refund.id, status: refund.status, remainingCents: charge.amountCents - committed(refunds) };
  }
}

/** Succeeded and pending refunds hold money; failed ones gave it back. */
function committed(refunds: readonly Refund[]): number {
  return refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountCents, 0);
}

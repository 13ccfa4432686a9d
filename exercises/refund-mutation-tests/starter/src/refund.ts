/** A card payment as the payments service stores it. Amounts are integer cents. */
export interface Charge {
  id: string;
  amountCents: number;
  /** Sum of refunds already paid out for this charge. */
  refundedCents: number;
  status: 'authorized' | 'captured' | 'partially_refunded' | 'refunded' | 'voided';
  capturedAt: Date;
}

export type RefundDecision =
  | {
      ok: true;
      /** What goes back to the customer's card. */
      payoutCents: number;
      /** What we keep to cover the card network's fee on late refunds. */
      feeCents: number;
      /** The charge's status once this refund is paid. */
      chargeStatus: 'partially_refunded' | 'refunded';
    }
  | { ok: false; reason: 'not-refundable' | 'invalid-amount' | 'exceeds-remaining' | 'window-closed' };

/** Card networks accept refunds for 180 days after capture. */
export const REFUND_WINDOW_DAYS = 180;
/** Refunds requested more than 30 days after capture keep a 2% fee, capped at $5. */
export const LATE_FEE_AFTER_DAYS = 30;
export const LATE_FEE_RATE = 0.02;
export const LATE_FEE_CAP_CENTS = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Decides whether `requestedCents` may be refunded on `charge` at time `now`, and how it is paid out. */
export function decideRefund(charge: Charge, requestedCents: number, now: Date): RefundDecision {
  if (charge.status !== 'captured' && charge.status !== 'partially_refunded') {
    return { ok: false, reason: 'not-refundable' };
  }
  if (!Number.isInteger(requestedCents) || requestedCents <= 0) {
    return { ok: false, reason: 'invalid-amount' };
  }
  const remainingCents = charge.amountCents - charge.refundedCents;
  if (requestedCents > remainingCents) {
    return { ok: false, reason: 'exceeds-remaining' };
  }
  const ageDays = (now.getTime() - charge.capturedAt.getTime()) / DAY_MS;
  if (ageDays > REFUND_WINDOW_DAYS) {
    return { ok: false, reason: 'window-closed' };
  }
  const feeCents = ageDays > LATE_FEE_AFTER_DAYS ? Math.min(Math.round(requestedCents * LATE_FEE_RATE), LATE_FEE_CAP_CENTS) : 0;
  return {
    ok: true,
    payoutCents: requestedCents - feeCents,
    feeCents,
    chargeStatus: requestedCents === remainingCents ? 'refunded' : 'partially_refunded',
  };
}

/** What the payments service tells the ledger. A fact in the past tense, with everything the ledger needs. */
export interface PaymentEvent {
  /** Unique per event: `${paymentId}:v${version}`. */
  eventId: string;
  type: 'PaymentCaptured' | 'PaymentRefunded';
  paymentId: string;
  amountCents: number;
  /** The payment's version after this change: 1 for the capture, then 2, 3, … per refund. */
  version: number;
}

/** A row of the payments table, the source of truth. */
export interface PaymentRow {
  id: string;
  capturedCents: number;
  refundedCents: number;
  version: number;
}

/** A row of the ledger's table. When every event has arrived, it must match the payment's row. */
export interface LedgerRow {
  paymentId: string;
  capturedCents: number;
  refundedCents: number;
}

/** A charge whose outcome is unknown; a job asks the processor about it, using the same key. */
export interface PendingCharge {
  orderId: string;
  idempotencyKey: string;
}

export class ReconciliationQueue {
  readonly pending: PendingCharge[] = [];

  enqueue(charge: PendingCharge): void {
    this.pending.push({ ...charge });
  }
}

import type { BankChargeRequest } from './bank';

/**
 * Charges whose outcome is unknown (the bank did not answer). A job, not shown here, asks the bank by
 * idempotency key what happened and settles the key in the idempotency store; until then the key stays
 * claimed, so a client retry cannot start a second charge.
 */
export interface Reconciliation {
  enqueue(charge: BankChargeRequest): void;
}

export class InMemoryReconciliation implements Reconciliation {
  /** What is waiting to be settled, oldest first. */
  readonly queued: BankChargeRequest[] = [];

  enqueue(charge: BankChargeRequest): void {
    this.queued.push({ ...charge });
  }
}

import type { ChargeRequest } from './bank';

export interface LedgerEntry {
  accountId: string;
  amountCents: number;
  bankReference: string;
}

/** Money we know we took. An entry here is what finance reports and what the customer is told. */
export class Ledger {
  readonly entries: LedgerEntry[] = [];

  record(entry: LedgerEntry): void {
    this.entries.push({ ...entry });
  }
}

/** Charges whose outcome is unknown; a nightly job asks the bank about each and settles it. */
export class ReconciliationQueue {
  readonly pending: ChargeRequest[] = [];

  enqueue(request: ChargeRequest): void {
    this.pending.push({ ...request });
  }
}

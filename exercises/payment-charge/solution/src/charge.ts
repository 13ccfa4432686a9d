import { BankTimeoutError, BankUnavailableError, type Bank, type BankReply, type ChargeRequest } from './bank';
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
export async function charge({ bank, ledger, reconciliation }: ChargeDeps, request: ChargeRequest): Promise<ChargeResult> {
  let reply: BankReply;
  try {
    reply = await sendWithOneRetry(bank, request);
  } catch (error) {
    // A timeout is not a failure: the card may have been charged. Retrying could charge it twice,
    // so the outcome is left to reconciliation, which asks the bank.
    if (error instanceof BankTimeoutError) {
      reconciliation.enqueue(request);
      return { status: 'Unknown' };
    }
    if (error instanceof BankUnavailableError) return { status: 'Failed' };
    throw error;
  }
  if (reply.outcome === 'declined') return { status: 'Declined', reason: reply.reason };
  ledger.record({ accountId: request.accountId, amountCents: request.amountCents, bankReference: reply.bankReference });
  return { status: 'Approved', bankReference: reply.bankReference };
}

/** A 5xx means "not processed", so one resend with the same idempotency key is safe. */
async function sendWithOneRetry(bank: Bank, request: ChargeRequest): Promise<BankReply> {
  try {
    return await bank.charge(request);
  } catch (error) {
    if (error instanceof BankUnavailableError) return bank.charge(request);
    throw error;
  }
}

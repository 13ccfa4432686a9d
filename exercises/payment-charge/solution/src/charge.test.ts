import { describe, expect, it } from 'vitest';
import { FakeBank, type Scripted } from './fake-bank';
import { Ledger, ReconciliationQueue } from './ledger';
import { charge } from './charge';

const request = { idempotencyKey: 'order-42', accountId: 'acct-7', amountCents: 2_500 };

async function chargeWith(...script: Scripted[]) {
  const deps = { bank: new FakeBank(...script), ledger: new Ledger(), reconciliation: new ReconciliationQueue() };
  const result = await charge(deps, request);
  return { result, ...deps };
}

describe('charge', () => {
  it('records an approved charge in the ledger', async () => {
    const { result, ledger, bank } = await chargeWith('approve');
    expect(result).toEqual({ status: 'Approved', bankReference: 'bank-1' });
    expect(ledger.entries).toEqual([{ accountId: 'acct-7', amountCents: 2_500, bankReference: 'bank-1' }]);
    expect(bank.requests).toHaveLength(1);
  });

  it('reports a decline and records nothing', async () => {
    const { result, ledger, reconciliation } = await chargeWith('decline');
    expect(result).toEqual({ status: 'Declined', reason: 'insufficient_funds' });
    expect(ledger.entries).toEqual([]);
    expect(reconciliation.pending).toEqual([]);
  });

  it('leaves a timeout to reconciliation without resending', async () => {
    const { result, ledger, reconciliation, bank } = await chargeWith('timeout', 'approve');
    expect(result).toEqual({ status: 'Unknown' });
    expect(reconciliation.pending).toEqual([request]);
    expect(ledger.entries).toEqual([]);
    expect(bank.requests).toHaveLength(1);
  });

  it('resends once after a 5xx, with the same idempotency key', async () => {
    const { result, ledger, bank } = await chargeWith('unavailable', 'approve');
    expect(result).toEqual({ status: 'Approved', bankReference: 'bank-2' });
    expect(bank.requests).toEqual([request, request]);
    expect(ledger.entries).toHaveLength(1);
  });

  it('gives up after a second 5xx', async () => {
    const { result, ledger, reconciliation, bank } = await chargeWith('unavailable', 'unavailable', 'approve');
    expect(result).toEqual({ status: 'Failed' });
    expect(bank.requests).toHaveLength(2);
    expect(ledger.entries).toEqual([]);
    expect(reconciliation.pending).toEqual([]);
  });

  it('treats a timeout on the resend as unknown', async () => {
    const { result, reconciliation } = await chargeWith('unavailable', 'timeout');
    expect(result).toEqual({ status: 'Unknown' });
    expect(reconciliation.pending).toEqual([request]);
  });
});

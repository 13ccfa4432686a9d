import { describe, expect, it } from 'vitest';
import { FakeBank, type Scripted } from '../src/fake-bank';
import { Ledger, ReconciliationQueue } from '../src/ledger';
import { charge } from '../src/charge';

const request = { idempotencyKey: 'checkout-9001', accountId: 'acct-1', amountCents: 12_000 };

async function scenario(...script: Scripted[]) {
  const deps = { bank: new FakeBank(...script), ledger: new Ledger(), reconciliation: new ReconciliationQueue() };
  const result = await charge(deps, request);
  return { result, ...deps };
}

describe('approved', () => {
  it('returns Approved with the bank reference and records one ledger entry', async () => {
    const { result, ledger, reconciliation } = await scenario('approve');
    expect(result).toEqual({ status: 'Approved', bankReference: 'bank-1' });
    expect(ledger.entries).toEqual([{ accountId: 'acct-1', amountCents: 12_000, bankReference: 'bank-1' }]);
    expect(reconciliation.pending).toEqual([]);
  });
});

describe('declined', () => {
  it('returns Declined with the reason and writes no ledger entry', async () => {
    const { result, ledger, bank } = await scenario('decline');
    expect(result).toEqual({ status: 'Declined', reason: 'insufficient_funds' });
    expect(ledger.entries).toEqual([]);
    expect(bank.requests).toHaveLength(1);
  });
});

describe('timeout', () => {
  it('returns Unknown and queues the charge for reconciliation', async () => {
    const { result, reconciliation, ledger } = await scenario('timeout');
    expect(result).toEqual({ status: 'Unknown' });
    expect(reconciliation.pending).toEqual([request]);
    expect(ledger.entries).toEqual([]);
  });

  it('never resends after a timeout (the first attempt may have charged the card)', async () => {
    const { bank } = await scenario('timeout', 'approve');
    expect(bank.requests).toHaveLength(1);
  });
});

describe('bank unavailable (5xx)', () => {
  it('is retried once with the same idempotency key', async () => {
    const { result, bank, ledger } = await scenario('unavailable', 'approve');
    expect(result).toEqual({ status: 'Approved', bankReference: 'bank-2' });
    expect(bank.requests.map((r) => r.idempotencyKey)).toEqual(['checkout-9001', 'checkout-9001']);
    expect(ledger.entries).toHaveLength(1);
  });

  it('fails after the single retry, with nothing recorded or queued', async () => {
    const { result, bank, ledger, reconciliation } = await scenario('unavailable', 'unavailable', 'approve');
    expect(result).toEqual({ status: 'Failed' });
    expect(bank.requests).toHaveLength(2);
    expect(ledger.entries).toEqual([]);
    expect(reconciliation.pending).toEqual([]);
  });

  it('reports a decline on the retry as a decline', async () => {
    const { result, ledger } = await scenario('unavailable', 'decline');
    expect(result).toEqual({ status: 'Declined', reason: 'insufficient_funds' });
    expect(ledger.entries).toEqual([]);
  });

  it('treats a timeout on the retry as unknown', async () => {
    const { result, reconciliation } = await scenario('unavailable', 'timeout');
    expect(result).toEqual({ status: 'Unknown' });
    expect(reconciliation.pending).toEqual([request]);
  });
});

describe('an error that is neither a bank answer nor a timeout', () => {
  it('propagates instead of being reported as Failed: nobody knows whether money moved', async () => {
    const broken = {
      requests: 0,
      async charge(): Promise<never> {
        broken.requests++;
        throw new TypeError("Cannot read properties of undefined (reading 'status')");
      },
    };
    const deps = { bank: broken, ledger: new Ledger(), reconciliation: new ReconciliationQueue() };

    await expect(charge(deps, request), 'a bug reported as a clean Failed hides it and tells the customer nothing moved').rejects.toThrow(TypeError);
    expect(broken.requests, 'an unknown error is not retried').toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { FakeBank } from './fake-bank';
import { Ledger, ReconciliationQueue } from './ledger';
import { charge } from './charge';

const request = { idempotencyKey: 'order-42', accountId: 'acct-7', amountCents: 2_500 };

function setup(bank: FakeBank) {
  return { bank, ledger: new Ledger(), reconciliation: new ReconciliationQueue() };
}

describe('charge', () => {
  it('records an approved charge in the ledger', async () => {
    const deps = setup(new FakeBank('approve'));
    const result = await charge(deps, request);
    expect(result).toEqual({ status: 'Approved', bankReference: 'bank-1' });
    expect(deps.ledger.entries).toEqual([{ accountId: 'acct-7', amountCents: 2_500, bankReference: 'bank-1' }]);
  });

  // Write the failure cases first: decline, timeout, 5xx then success, 5xx twice.
});

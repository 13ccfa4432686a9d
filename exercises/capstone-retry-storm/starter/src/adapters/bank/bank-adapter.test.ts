import { describe, expect, it } from 'vitest';
import { ReconciliationQueue } from '../../payments/reconciliation';
import { createBankAdapter, type AdapterDeps } from './bank-adapter';
import { FakeAcmeBank } from './fake-acme-bank';

const order = { id: 'order-812', amountCents: 4999, currency: 'EUR', cardToken: 'tok_visa' };

/** Instant sleeps that are recorded, a fixed random, and a clock you move by hand. */
function testDeps(random = 0.5) {
  const sleeps: number[] = [];
  const clock = { ms: 0 };
  const deps: AdapterDeps = {
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.ms += ms;
    },
    random: () => random,
    now: () => clock.ms,
    reconciliation: new ReconciliationQueue(),
  };
  return { deps, sleeps, clock };
}

describe('bank adapter, incident 2026-03-14', () => {
  it('does not retry a lost response: Unknown, one call, reconciliation by the same key', async () => {
    const bank = new FakeAcmeBank(['commit-then-timeout', 'ok']);
    const { deps } = testDeps();

    const result = await createBankAdapter(bank, deps).charge(order);

    expect(result).toEqual({ status: 'Unknown' });
    expect(bank.requests, 'a timeout must not be sent again').toHaveLength(1);
    expect(bank.charges.size).toBe(1);
    expect(deps.reconciliation.pending).toEqual([{ orderId: 'order-812', idempotencyKey: bank.requests[0].idempotencyKey }]);
  });

  // Add the rest of the incident here: how many calls a processor that stays down gets, how long the
  // adapter waits between them, what a timeout after a 5xx returns, what a decline does, and
  // what an open breaker does.
});

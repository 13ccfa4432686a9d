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
  it('charges the card once when the processor commits but the response is lost', async () => {
    const bank = new FakeAcmeBank(['commit-then-timeout', 'ok']);
    const { deps } = testDeps();

    const result = await createBankAdapter(bank, deps).charge(order);

    expect(bank.charges.size).toBe(1);
    expect(result).toEqual({ status: 'Approved', chargeId: 'ch_1' });
  });

  // Add the rest of the incident here: how many calls a processor that stays down gets, how long the
  // adapter waits between them, what an exhausted run of timeouts returns, what a decline does, and
  // what an open breaker does.
});

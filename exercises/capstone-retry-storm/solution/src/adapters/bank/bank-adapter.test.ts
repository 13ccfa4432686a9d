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

  it('sends the same idempotency key on every attempt', async () => {
    const bank = new FakeAcmeBank(['unavailable', 'rate-limited', 'ok']);
    await createBankAdapter(bank, testDeps().deps).charge(order);

    const keys = bank.requests.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
  });

  it('makes 3 calls in all to a processor that stays down, and fails without reconciliation', async () => {
    const bank = new FakeAcmeBank(Array(10).fill('unavailable'));
    const { deps } = testDeps();

    expect(await createBankAdapter(bank, deps).charge(order)).toEqual({ status: 'Failed' });
    expect(bank.requests).toHaveLength(3);
    expect(deps.reconciliation.pending).toEqual([]);
  });

  it('waits with full jitter between attempts, and not after the last', async () => {
    const { deps, sleeps } = testDeps(0.5);
    await createBankAdapter(new FakeAcmeBank(Array(3).fill('unavailable')), deps).charge(order);
    expect(sleeps).toEqual([50, 100]);

    const spread = testDeps(0.25);
    await createBankAdapter(new FakeAcmeBank(Array(3).fill('unavailable')), spread.deps).charge(order);
    expect(spread.sleeps).toEqual([25, 50]);
  });

  it('caps the wait', async () => {
    const { deps, sleeps } = testDeps(0.999);
    const policy = { maxAttempts: 6, baseMs: 100, capMs: 500 };
    await createBankAdapter(new FakeAcmeBank(Array(6).fill('rate-limited')), deps, policy).charge(order);

    expect(sleeps).toEqual([99, 199, 399, 499, 499]);
  });

  it('reports Unknown at once when a retry after a 5xx times out, and queues reconciliation', async () => {
    const bank = new FakeAcmeBank(['unavailable', 'timeout', 'ok']);
    const { deps } = testDeps();

    expect(await createBankAdapter(bank, deps).charge(order)).toEqual({ status: 'Unknown' });
    expect(bank.requests).toHaveLength(2);
    expect(deps.reconciliation.pending).toEqual([{ orderId: 'order-812', idempotencyKey: bank.requests[0].idempotencyKey }]);
  });

  it('does not retry a decline', async () => {
    const bank = new FakeAcmeBank(['decline']);
    expect(await createBankAdapter(bank, testDeps().deps).charge(order)).toMatchObject({ status: 'Declined' });
    expect(bank.requests).toHaveLength(1);
  });

  it('stops calling the processor once the breaker opens, across charges', async () => {
    const bank = new FakeAcmeBank(Array(20).fill('unavailable'));
    const adapter = createBankAdapter(bank, testDeps().deps);

    await adapter.charge({ ...order, id: 'a' });
    await adapter.charge({ ...order, id: 'b' });
    const before = bank.requests.length;
    expect(await adapter.charge({ ...order, id: 'c' })).toEqual({ status: 'Failed' });

    expect(bank.requests.length).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { createBankAdapter, type AdapterDeps } from '../src/adapters/bank/bank-adapter';
import { FakeAcmeBank, type Step } from '../src/adapters/bank/fake-acme-bank';
import { placeOrder } from '../src/checkout/place-order';
import { ReconciliationQueue } from '../src/payments/reconciliation';

const order = { id: 'order-812', amountCents: 4999, currency: 'EUR', cardToken: 'tok_visa' };

function world(script: Step[], random = 0.5) {
  const bank = new FakeAcmeBank(script);
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
  const adapter = createBankAdapter(bank, deps);
  return { bank, sleeps, clock, deps, adapter, click: (o = order) => placeOrder(adapter, o) };
}

describe('a customer clicking "Pay" during the incident', () => {
  it('is told the payment is being confirmed, and is not charged again, when the response is lost', async () => {
    const { bank, click, deps } = world(['commit-then-timeout', 'ok']);

    expect(await click(), 'a timeout means the card may be charged').toBe('confirming');
    expect(bank.requests.length, 'a lost response must not be retried: the outcome is unknown').toBe(1);
    expect(bank.charges.size, 'cards charged').toBe(1);
    expect(deps.reconciliation.pending).toEqual([{ orderId: 'order-812', idempotencyKey: bank.requests[0].idempotencyKey }]);
  });

  it('is charged once when they click "Pay" again after being told the payment is being confirmed', async () => {
    const { bank, click } = world(['commit-then-timeout', 'ok']);

    expect(await click()).toBe('confirming');
    expect(await click()).toBe('paid');
    expect(bank.charges.size, 'a second click for the same order must reuse its key').toBe(1);
  });

  it('causes at most 3 processor calls per click while the processor is down', async () => {
    const { bank, click, deps } = world(Array(50).fill('unavailable'));

    expect(await click()).toBe('try-again');
    expect(bank.requests.length, 'calls to the processor for one click (retries in two layers multiply)').toBeLessThanOrEqual(3);
    expect(bank.requests.length, 'a 5xx says nothing was charged: retry it within the budget').toBeGreaterThan(1);
    expect(deps.reconciliation.pending, 'a Failed charge has nothing to reconcile').toEqual([]);
  });

  it('causes at most 3 processor calls per click while the processor answers 429', async () => {
    const { bank, click } = world(Array(50).fill('rate-limited'));

    expect(await click()).toBe('try-again');
    expect(bank.requests.length).toBeLessThanOrEqual(3);
  });

  it('is told the payment is being confirmed when a retry after a 5xx times out, and that retry is not sent again', async () => {
    const { click, deps, bank } = world(['unavailable', 'commit-then-timeout', 'ok']);

    expect(await click(), 'a timeout anywhere means the card may be charged').toBe('confirming');
    expect(bank.requests.length, 'the 5xx is retried once, the timeout not at all').toBe(2);
    expect(deps.reconciliation.pending).toEqual([{ orderId: 'order-812', idempotencyKey: bank.requests[0].idempotencyKey }]);
  });

  it('sees a decline at once, with a single processor call', async () => {
    const { bank, click } = world(['decline']);

    expect(await click()).toBe('declined');
    expect(bank.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('use one idempotency key per order, different for different orders', async () => {
    const { bank, adapter } = world(['unavailable', 'ok', 'unavailable', 'ok']);
    await adapter.charge(order);
    await adapter.charge({ ...order, id: 'order-813' });

    const [a1, a2, b1, b2] = bank.requests.map((r) => r.idempotencyKey);
    expect(a1).toBeTruthy();
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
    expect(b1).not.toBe(a1);
  });

  it('wait a capped, exponentially growing bound scaled by the injected random (full jitter)', async () => {
    const half = world(Array(3).fill('unavailable'), 0.5);
    await half.adapter.charge(order);
    expect(half.sleeps).toEqual([50, 100]);

    const bank = new FakeAcmeBank(Array(8).fill('unavailable'));
    const sleeps: number[] = [];
    const deps: AdapterDeps = {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.999,
      now: () => 0,
      reconciliation: new ReconciliationQueue(),
    };
    // A breaker that opens after 5 failures stops this run early; the waits before it must still be capped.
    await createBankAdapter(bank, deps, { maxAttempts: 5, baseMs: 100, capMs: 300 }).charge(order);
    expect(sleeps).toEqual([99, 199, 299, 299]);
  });

  it('spread out: two clients that failed together do not retry together', async () => {
    const a = world(Array(3).fill('unavailable'), 0.1);
    const b = world(Array(3).fill('unavailable'), 0.9);
    await a.adapter.charge(order);
    await b.adapter.charge(order);

    expect(a.sleeps).not.toEqual(b.sleeps);
  });
});

describe('the breaker', () => {
  it('stops calls to a failing processor for every later charge, then lets one probe through after 30 s', async () => {
    const { bank, adapter, clock } = world(Array(20).fill('unavailable'));
    await adapter.charge({ ...order, id: 'a' });
    await adapter.charge({ ...order, id: 'b' });
    const callsWhenOpen = bank.requests.length;

    expect(await adapter.charge({ ...order, id: 'c' })).toEqual({ status: 'Failed' });
    expect(bank.requests.length, 'an open breaker must make no processor calls').toBe(callsWhenOpen);

    clock.ms += 30_000;
    await adapter.charge({ ...order, id: 'd' });
    expect(bank.requests.length, 'after the reset time, one probe call').toBe(callsWhenOpen + 1);
  });
});

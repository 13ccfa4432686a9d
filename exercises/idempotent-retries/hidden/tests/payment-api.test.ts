import { describe, expect, it } from 'vitest';
import type { Bank, BankChargeRequest } from '../src/bank';
import { FakeBank } from '../src/fake-bank';
import { InMemoryIdempotencyStore } from '../src/idempotency-store';
import { InMemoryReconciliation } from '../src/reconciliation';
import { PaymentApi } from '../src/payment-api';
import type { RetryPolicy } from '../src/retry';

const order = { amountCents: 2_500, currency: 'EUR', cardToken: 'tok_visa' } as const;

/** Virtual time: it moves only when the code under test sleeps or a test bank says a call took time. */
function virtualClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

function setup(options: { random?: () => number; retry?: Partial<RetryPolicy>; bank?: Bank; clock?: ReturnType<typeof virtualClock> } = {}) {
  const fakeBank = new FakeBank();
  const clock = options.clock ?? virtualClock();
  const slept: number[] = [];
  const store = new InMemoryIdempotencyStore();
  const reconciliation = new InMemoryReconciliation();
  const api = new PaymentApi({
    bank: options.bank ?? fakeBank,
    store,
    reconciliation,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, deadlineMs: 60_000, ...options.retry },
    now: clock.now,
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
    random: options.random ?? (() => 0.5),
  });
  return { bank: fakeBank, api, slept, clock, store, reconciliation };
}

describe('exactly one charge per idempotency key', () => {
  it('sends the client’s key to the bank on every attempt', async () => {
    const { bank, api } = setup();
    bank.inject('unavailable', 'unavailable');

    await api.createCharge('key-1', order);

    expect(bank.requests.map((r) => r.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('returns the original charge when the client retries after a 503', async () => {
    const { bank, api } = setup();
    bank.inject('unavailable', 'unavailable', 'unavailable', 'unavailable');

    expect(await api.createCharge('key-1', order)).toEqual({ status: 503, body: { error: 'bank_unavailable' } });
    const retry = await api.createCharge('key-1', order);

    expect(retry, 'after a 503 the key must be free again, so the client can retry with it').toEqual({
      status: 201,
      body: { chargeId: 'ch_1', amountCents: 2_500 },
    });
    expect(bank.charges).toHaveLength(1);
  });

  it('replays the stored response to a repeated request without calling the bank again', async () => {
    const { bank, api } = setup();
    const first = await api.createCharge('key-1', order);

    const again = await api.createCharge('key-1', { cardToken: 'tok_visa', currency: 'EUR', amountCents: 2_500 });

    expect(again).toEqual(first);
    expect(bank.requests).toHaveLength(1);
  });

  it('treats two keys as two charges, even for the same amount and card', async () => {
    const { bank, api } = setup();
    await api.createCharge('key-1', order);
    await api.createCharge('key-2', order);
    expect(bank.charges).toHaveLength(2);
  });

  it('answers 409 to a second request with the same key while the first is still at the bank', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = new FakeBank();
    const slowBank: Bank = {
      charge: async (request: BankChargeRequest) => {
        await gate;
        return fake.charge(request);
      },
    };
    const { api } = setup({ bank: slowBank });

    const first = api.createCharge('key-1', order);
    const second = api.createCharge('key-1', order);
    release();

    expect(await second).toEqual({ status: 409, body: { error: 'request_in_progress' } });
    expect(await first).toMatchObject({ status: 201 });
    expect(fake.charges).toHaveLength(1);
  });
});

describe('an unknown outcome (no answer from the bank)', () => {
  it('is not retried: answers 202 and queues the charge for reconciliation', async () => {
    const { bank, api, slept, reconciliation } = setup();
    bank.inject('lost-response');

    const response = await api.createCharge('key-1', order);

    expect(response).toEqual({ status: 202, body: { status: 'pending_confirmation' } });
    expect(bank.requests, 'a timeout may have charged: retrying it blindly is how customers get charged twice').toHaveLength(1);
    expect(slept).toEqual([]);
    expect(bank.charges).toHaveLength(1);
    expect(reconciliation.queued).toEqual([{ ...order, idempotencyKey: 'key-1' }]);
  });

  it('is not retried after an earlier 5xx either', async () => {
    const { bank, api, reconciliation } = setup();
    bank.inject('unavailable', 'lost-response');

    expect(await api.createCharge('key-1', order)).toEqual({ status: 202, body: { status: 'pending_confirmation' } });
    expect(bank.requests).toHaveLength(2);
    expect(reconciliation.queued).toHaveLength(1);
  });

  it('keeps the key claimed, so a client retry cannot reach the bank while the outcome is unknown', async () => {
    const { bank, api } = setup();
    bank.inject('lost-response');
    await api.createCharge('key-1', order);

    const retry = await api.createCharge('key-1', order);

    expect(bank.requests, 'the key was released: the client’s retry went to the bank again').toHaveLength(1);
    expect([202, 409], 'still unknown: "pending" or "in progress", never a final answer').toContain(retry.status);
  });

  it('once reconciliation settles the key, the client’s retry gets the charge the bank made', async () => {
    const { bank, api, store } = setup();
    bank.inject('lost-response');
    await api.createCharge('key-1', order);

    // The reconciliation job: ask the bank by key, store the answer it should have given.
    const made = bank.charges.find((c) => c.idempotencyKey === 'key-1');
    await store.complete('key-1', { status: 201, body: { chargeId: made?.chargeId, amountCents: made?.amountCents } });

    expect(await api.createCharge('key-1', order)).toEqual({ status: 201, body: { chargeId: 'ch_1', amountCents: 2_500 } });
    expect(bank.charges).toHaveLength(1);
  });

  it('does not queue a charge whose outcome is known', async () => {
    const { bank, api, reconciliation } = setup({ retry: { maxAttempts: 2 } });
    bank.inject('unavailable', 'unavailable');
    await api.createCharge('key-1', order);
    bank.inject('decline');
    await api.createCharge('key-2', order);
    await api.createCharge('key-3', order);

    expect(reconciliation.queued, 'a 503, a decline and a success are all answers: nothing to reconcile').toEqual([]);
  });
});

describe('a key reused with different parameters', () => {
  it.each([
    ['a different amount', { amountCents: 9_900 }],
    ['a different card', { cardToken: 'tok_mastercard' }],
    ['a different currency', { currency: 'USD' as const }],
  ])('is rejected with 422 for %s, and nothing more is charged', async (_case, change) => {
    const { bank, api } = setup();
    await api.createCharge('key-1', order);

    expect(await api.createCharge('key-1', { ...order, ...change })).toEqual({
      status: 422,
      body: { error: 'idempotency_key_reused' },
    });
    expect(bank.charges).toHaveLength(1);
    expect(bank.requests).toHaveLength(1);
  });
});

describe('which failures are retried', () => {
  it('does not retry a declined card, and replays the decline for the same key', async () => {
    const { bank, api, slept } = setup();
    bank.inject('decline');

    expect(await api.createCharge('key-1', order)).toEqual({ status: 402, body: { error: 'card_declined' } });
    expect(await api.createCharge('key-1', order)).toEqual({ status: 402, body: { error: 'card_declined' } });
    expect(bank.requests, 'a decline is final: neither the retry loop nor the replay may ask the bank again').toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('does not retry an unexpected error, and lets it propagate', async () => {
    const broken: Bank = {
      charge: async () => {
        calls++;
        throw new TypeError('cannot read properties of undefined');
      },
    };
    let calls = 0;
    const { api } = setup({ bank: broken });
    await expect(api.createCharge('key-1', order)).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });

  it('recovers from two outages before the bank answers', async () => {
    const { bank, api } = setup();
    bank.inject('unavailable', 'unavailable');
    expect(await api.createCharge('key-1', order)).toMatchObject({ status: 201 });
    expect(bank.requests).toHaveLength(3);
  });
});

describe('retries are bounded and spread out', () => {
  it('makes at most maxAttempts attempts, then answers 503', async () => {
    const { bank, api, slept } = setup({ retry: { maxAttempts: 3 } });
    bank.inject('unavailable', 'unavailable', 'unavailable', 'unavailable', 'unavailable');

    expect(await api.createCharge('key-1', order)).toEqual({ status: 503, body: { error: 'bank_unavailable' } });
    expect(bank.requests).toHaveLength(3);
    expect(slept, 'one wait between attempts, none after the last').toHaveLength(2);
  });

  it('backs off exponentially from the base delay, capped at maxDelayMs (full jitter at its top)', async () => {
    const { bank, api, slept } = setup({ random: () => 0.999, retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500 } });
    bank.inject('unavailable', 'unavailable', 'unavailable', 'unavailable', 'unavailable');

    await api.createCharge('key-1', order);

    expect(slept).toEqual([99, 199, 399, 499, 499]);
  });

  it('does not start a retry whose wait would end past the deadline', async () => {
    const { bank, api, slept } = setup({
      random: () => 0.999,
      retry: { maxAttempts: 10, baseDelayMs: 400, maxDelayMs: 5_000, deadlineMs: 1_000 },
    });
    bank.inject(...Array<'unavailable'>(10).fill('unavailable'));

    expect(await api.createCharge('key-1', order)).toEqual({ status: 503, body: { error: 'bank_unavailable' } });
    expect(slept, 'waits 399 ms; the next wait (799 ms) would end at 1,198 ms, past the 1,000 ms deadline').toEqual([399]);
    expect(bank.requests).toHaveLength(2);
  });

  it('counts time spent waiting for the bank against the deadline, not only the backoff', async () => {
    const clock = virtualClock();
    const fake = new FakeBank();
    fake.inject(...Array<'unavailable'>(10).fill('unavailable'));
    const slowBank: Bank = {
      charge: async (request) => {
        clock.advance(600); // each call times out after 600 ms
        return fake.charge(request);
      },
    };
    const { api } = setup({ bank: slowBank, clock, retry: { maxAttempts: 10, baseDelayMs: 100, deadlineMs: 1_000 } });

    await api.createCharge('key-1', order);

    expect(fake.requests, 'at 1,250 ms the budget of 1,000 ms is spent: no third attempt').toHaveLength(2);
  });

  it('draws each wait uniformly between 0 and the backoff (full jitter)', async () => {
    const draws = [0, 0.25, 0.5];
    const { bank, api, slept } = setup({ random: () => draws.shift() ?? 0 });
    bank.inject('unavailable', 'unavailable', 'unavailable');

    await api.createCharge('key-1', order);

    expect(slept).toEqual([0, 50, 200]);
  });
});

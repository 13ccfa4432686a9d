import { describe, expect, it } from 'vitest';
import { FakeBank } from './fake-bank';
import { InMemoryIdempotencyStore } from './idempotency-store';
import { InMemoryReconciliation } from './reconciliation';
import { PaymentApi } from './payment-api';

function setup() {
  const bank = new FakeBank();
  const slept: number[] = [];
  const reconciliation = new InMemoryReconciliation();
  let time = 0;
  const api = new PaymentApi({
    bank,
    store: new InMemoryIdempotencyStore(),
    reconciliation,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, deadlineMs: 5_000 },
    now: () => time,
    sleep: async (ms) => {
      slept.push(ms);
      time += ms;
    },
    random: () => 0.5,
  });
  return { bank, api, slept, reconciliation };
}

const order = { amountCents: 2_500, currency: 'EUR', cardToken: 'tok_visa' } as const;

describe('POST /charges', () => {
  it('does not charge again when the bank commits but the response is lost', async () => {
    const { bank, api, slept, reconciliation } = setup();
    bank.inject('lost-response');

    const response = await api.createCharge('key-1', order);

    expect(bank.charges, 'the bank made a second charge for a retry').toHaveLength(1);
    expect(bank.requests, 'no answer means the outcome is unknown: do not retry it blindly').toHaveLength(1);
    expect(slept).toEqual([]);
    expect(response).toEqual({ status: 202, body: { status: 'pending_confirmation' } });
    expect(reconciliation.queued.map((c) => c.idempotencyKey)).toEqual(['key-1']);
  });

  it('rejects a key reused with a different amount', async () => {
    const { bank, api } = setup();
    await api.createCharge('key-1', order);

    const response = await api.createCharge('key-1', { ...order, amountCents: 9_900 });

    expect(response).toEqual({ status: 422, body: { error: 'idempotency_key_reused' } });
    expect(bank.charges).toHaveLength(1);
  });
});

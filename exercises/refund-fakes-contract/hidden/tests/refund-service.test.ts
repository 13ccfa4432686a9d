import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentGateway } from '../src/payment-gateway';
import { RefundService, type RefundOutcome } from '../src/refund-service';
import { provider } from './provider';

const ROUND_TRIP_MS = 100;

/** Every call to the provider takes one round trip, as it does over the network. */
function withLatency(gateway: PaymentGateway): PaymentGateway {
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      new Promise<void>((resolve) => setTimeout(resolve, ROUND_TRIP_MS)).then(() => call(...args));
  return {
    getCharge: slow((id: string) => gateway.getCharge(id)),
    listRefunds: slow((id: string) => gateway.listRefunds(id)),
    createRefund: slow((request) => gateway.createRefund(request)),
  };
}

describe('your refund service', () => {
  let gateway: PaymentGateway;

  beforeEach(() => {
    const sandbox = provider();
    sandbox.addCharge({ id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' });
    sandbox.addCharge({ id: 'ch_pending', amountCents: 10_000, currency: 'EUR', status: 'pending' });
    sandbox.addRefund({ id: 're_old', chargeId: 'ch_1', amountCents: 1_000, status: 'pending' });
    gateway = sandbox.gateway;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('still refunds and reports what is left after your refactor', async () => {
    const outcome = await new RefundService(gateway).refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'r1' });
    expect(outcome).toMatchObject({ ok: true, status: 'succeeded', remainingCents: 7_000 });
  });

  it.each([
    ['an unknown charge', 'ch_unknown', 1_000, 'charge-not-found'],
    ['a pending charge', 'ch_pending', 1_000, 'not-refundable'],
    ['more than is left', 'ch_1', 9_001, 'exceeds-remaining'],
    ['a zero amount', 'ch_1', 0, 'invalid-amount'],
  ] as const)('still refuses %s after your refactor', async (_case, chargeId, amountCents, reason) => {
    const outcome = await new RefundService(gateway).refund({ chargeId, amountCents, requestId: 'r1' });
    expect(outcome).toEqual({ ok: false, reason });
  });

  it('answers a successful refund within two provider round trips (the refactor is done)', async () => {
    vi.useFakeTimers();
    let outcome: RefundOutcome | undefined;
    void new RefundService(withLatency(gateway))
      .refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'r1' })
      .then((o) => (outcome = o));

    await vi.advanceTimersByTimeAsync(2 * ROUND_TRIP_MS);

    expect(outcome, 'still waiting after two round trips: create the refund first, then read the charge and its refunds in parallel').toMatchObject({
      ok: true,
      remainingCents: 7_000,
    });
  });

  it('answers a refused refund within one round trip', async () => {
    vi.useFakeTimers();
    let outcome: RefundOutcome | undefined;
    void new RefundService(withLatency(gateway))
      .refund({ chargeId: 'ch_unknown', amountCents: 2_000, requestId: 'r1' })
      .then((o) => (outcome = o));

    await vi.advanceTimersByTimeAsync(ROUND_TRIP_MS);

    expect(outcome).toEqual({
      ok: false,
      reason: 'charge-not-found',
    });
  });
});

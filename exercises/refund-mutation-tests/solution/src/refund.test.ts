import { describe, expect, it } from 'vitest';
import { decideRefund, type Charge } from './refund';

const captured: Charge = {
  id: 'ch_1',
  amountCents: 10_000,
  refundedCents: 0,
  status: 'captured',
  capturedAt: new Date('2026-01-01T00:00:00Z'),
};

const daysAfterCapture = (days: number) => new Date(captured.capturedAt.getTime() + days * 24 * 60 * 60 * 1000);

describe('which charges can be refunded', () => {
  it('refunds a captured charge in full, with no fee in the first 30 days', () => {
    expect(decideRefund(captured, 10_000, daysAfterCapture(3))).toEqual({
      ok: true,
      payoutCents: 10_000,
      feeCents: 0,
      chargeStatus: 'refunded',
    });
  });

  it('refunds a partially refunded charge again, up to what remains', () => {
    const charge: Charge = { ...captured, status: 'partially_refunded', refundedCents: 4_000 };
    expect(decideRefund(charge, 6_000, daysAfterCapture(3))).toMatchObject({ ok: true, chargeStatus: 'refunded' });
  });

  it.each(['authorized', 'refunded', 'voided'] as const)('rejects a %s charge', (status) => {
    expect(decideRefund({ ...captured, status }, 1_000, daysAfterCapture(3))).toEqual({ ok: false, reason: 'not-refundable' });
  });
});

describe('amounts', () => {
  it.each([0, -5, 10.5])('rejects %s cents', (amount) => {
    expect(decideRefund(captured, amount, daysAfterCapture(3))).toEqual({ ok: false, reason: 'invalid-amount' });
  });

  it('rejects more than the charge', () => {
    expect(decideRefund(captured, 10_001, daysAfterCapture(3))).toEqual({ ok: false, reason: 'exceeds-remaining' });
  });

  it('counts earlier refunds against the remaining amount', () => {
    const charge: Charge = { ...captured, status: 'partially_refunded', refundedCents: 9_000 };
    expect(decideRefund(charge, 1_001, daysAfterCapture(3))).toEqual({ ok: false, reason: 'exceeds-remaining' });
  });

  it('marks a partial refund as partial', () => {
    expect(decideRefund(captured, 2_000, daysAfterCapture(3))).toMatchObject({ ok: true, chargeStatus: 'partially_refunded' });
  });
});

describe('the refund window', () => {
  it('accepts a refund on day 180 exactly', () => {
    expect(decideRefund(captured, 1_000, daysAfterCapture(180))).toMatchObject({ ok: true });
  });

  it('rejects a refund after day 180', () => {
    expect(decideRefund(captured, 1_000, daysAfterCapture(181))).toEqual({ ok: false, reason: 'window-closed' });
  });
});

describe('the late-refund fee', () => {
  it('charges no fee on day 30', () => {
    expect(decideRefund(captured, 2_000, daysAfterCapture(30))).toMatchObject({ payoutCents: 2_000, feeCents: 0 });
  });

  it('keeps 2% after day 30 and pays out the rest', () => {
    expect(decideRefund(captured, 2_000, daysAfterCapture(31))).toMatchObject({ payoutCents: 1_960, feeCents: 40 });
  });

  it('caps the fee at $5', () => {
    const big: Charge = { ...captured, amountCents: 100_000 };
    expect(decideRefund(big, 100_000, daysAfterCapture(31))).toMatchObject({ payoutCents: 99_500, feeCents: 500 });
  });
});

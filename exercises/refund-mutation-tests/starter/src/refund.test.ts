import { describe, it } from 'vitest';
import { decideRefund, type Charge } from './refund';

// These tests execute every line of refund.ts: the coverage report says 100%.
// Not one of them would fail if refund.ts were wrong.

const captured: Charge = {
  id: 'ch_1',
  amountCents: 10_000,
  refundedCents: 0,
  status: 'captured',
  capturedAt: new Date('2026-01-01T00:00:00Z'),
};

const daysAfterCapture = (days: number) => new Date(captured.capturedAt.getTime() + days * 24 * 60 * 60 * 1000);

describe('decideRefund', () => {
  it('refunds a captured charge', () => {
    decideRefund(captured, 2_000, daysAfterCapture(3));
  });

  it('handles a voided charge', () => {
    decideRefund({ ...captured, status: 'voided' }, 2_000, daysAfterCapture(3));
  });

  it('handles a negative amount', () => {
    decideRefund(captured, -5, daysAfterCapture(3));
  });

  it('handles a large amount', () => {
    decideRefund(captured, 20_000, daysAfterCapture(3));
  });

  it('handles an old charge', () => {
    decideRefund(captured, 2_000, daysAfterCapture(365));
  });

  it('handles a late refund', () => {
    decideRefund(captured, 10_000, daysAfterCapture(45));
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { RefundRejectedError, type Charge, type PaymentGateway, type Refund, type RefundRejection } from '../src/payment-gateway';

/** One implementation of the port, with a way to put fixtures behind it. */
export interface GatewayUnderTest {
  gateway: PaymentGateway;
  addCharge(charge: Charge): void;
  addRefund(refund: Refund): void;
}

/**
 * What every PaymentGateway must do, written once. payment-gateway.contract.test.ts runs it against the
 * in-memory fake and against the HTTP adapter talking to the provider's sandbox.
 */
export function paymentGatewayContract(name: string, setup: () => GatewayUnderTest): void {
  describe(`PaymentGateway contract: ${name}`, () => {
    let subject: GatewayUnderTest;
    let gateway: PaymentGateway;
    const charge: Charge = { id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' };

    beforeEach(() => {
      subject = setup();
      gateway = subject.gateway;
      subject.addCharge(charge);
    });

    /** How a call ended: 'resolved', a RefundRejectedError's code, or what else was thrown. */
    const rejection = async (promise: Promise<unknown>): Promise<RefundRejection | 'resolved' | `threw ${string}`> =>
      promise.then(
        () => 'resolved' as const,
        (error: unknown) => (error instanceof RefundRejectedError ? error.code : (`threw ${String(error)}` as const)),
      );

    describe('reading', () => {
      it('returns a charge it knows, in cents and upper-case currency', async () => {
        expect(await gateway.getCharge('ch_1')).toEqual(charge);
      });

      it('returns undefined for an unknown charge instead of throwing', async () => {
        expect(await gateway.getCharge('ch_unknown')).toBeUndefined();
      });

      it('lists every refund of a charge, oldest first, whatever its status', async () => {
        subject.addRefund({ id: 're_a', chargeId: 'ch_1', amountCents: 100, status: 'failed' });
        subject.addRefund({ id: 're_b', chargeId: 'ch_1', amountCents: 200, status: 'pending' });
        subject.addCharge({ ...charge, id: 'ch_2' });
        subject.addRefund({ id: 're_c', chargeId: 'ch_2', amountCents: 300, status: 'succeeded' });

        expect(await gateway.listRefunds('ch_1')).toEqual([
          { id: 're_a', chargeId: 'ch_1', amountCents: 100, status: 'failed' },
          { id: 're_b', chargeId: 'ch_1', amountCents: 200, status: 'pending' },
        ]);
      });

      it('lists no refunds for an unknown charge', async () => {
        expect(await gateway.listRefunds('ch_unknown')).toEqual([]);
      });
    });

    describe('refunding', () => {
      it('creates a refund of the requested amount and lists it', async () => {
        const refund = await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k1' });

        expect(refund).toMatchObject({ chargeId: 'ch_1', amountCents: 2_500, status: 'succeeded' });
        expect(await gateway.listRefunds('ch_1')).toEqual([refund]);
      });

      it('returns the first refund when a key is reused with the same request, and creates nothing', async () => {
        const first = await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k1' });
        const retry = await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k1' });

        expect(retry).toEqual(first);
        expect(await gateway.listRefunds('ch_1')).toHaveLength(1);
      });

      it('creates separate refunds for separate keys', async () => {
        await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k1' });
        await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k2' });

        expect(await gateway.listRefunds('ch_1')).toHaveLength(2);
      });

      it('rejects a key reused with a different amount', async () => {
        await gateway.createRefund({ chargeId: 'ch_1', amountCents: 2_500, idempotencyKey: 'k1' });

        expect(await rejection(gateway.createRefund({ chargeId: 'ch_1', amountCents: 3_000, idempotencyKey: 'k1' }))).toBe(
          'idempotency-key-reused',
        );
        expect(await gateway.listRefunds('ch_1')).toHaveLength(1);
      });

      it('allows refunding exactly what is left, counting pending refunds and not failed ones', async () => {
        subject.addRefund({ id: 're_p', chargeId: 'ch_1', amountCents: 3_000, status: 'pending' });
        subject.addRefund({ id: 're_f', chargeId: 'ch_1', amountCents: 5_000, status: 'failed' });

        expect(await rejection(gateway.createRefund({ chargeId: 'ch_1', amountCents: 7_001, idempotencyKey: 'k1' }))).toBe(
          'amount-too-large',
        );
        expect(await rejection(gateway.createRefund({ chargeId: 'ch_1', amountCents: 7_000, idempotencyKey: 'k2' }))).toBe(
          'resolved',
        );
      });

      it.each([
        ['an unknown charge', 'ch_unknown', 1_000, 'charge-not-found'],
        ['a zero amount', 'ch_1', 0, 'invalid-amount'],
        ['a fractional amount', 'ch_1', 10.5, 'invalid-amount'],
      ] as const)('rejects %s', async (_case, chargeId, amountCents, code) => {
        expect(await rejection(gateway.createRefund({ chargeId, amountCents, idempotencyKey: 'k1' }))).toBe(code);
      });

      it.each(['pending', 'failed'] as const)('rejects a %s charge', async (status) => {
        subject.addCharge({ ...charge, id: 'ch_x', status });

        expect(await rejection(gateway.createRefund({ chargeId: 'ch_x', amountCents: 1_000, idempotencyKey: 'k1' }))).toBe(
          'charge-not-refundable',
        );
        expect(await gateway.listRefunds('ch_x')).toEqual([]);
      });
    });
  });
}

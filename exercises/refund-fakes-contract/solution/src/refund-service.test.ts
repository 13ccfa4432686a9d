import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryPaymentGateway } from './in-memory-payment-gateway';
import type { Charge } from './payment-gateway';
import { RefundService } from './refund-service';

describe('RefundService', () => {
  const charge: Charge = { id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' };
  let gateway: InMemoryPaymentGateway;
  let service: RefundService;

  beforeEach(() => {
    gateway = new InMemoryPaymentGateway();
    gateway.addCharge(charge);
    service = new RefundService(gateway);
  });

  describe('a refund that goes through', () => {
    it('refunds the requested amount and reports what is left', async () => {
      const outcome = await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });

      const refunds = await gateway.listRefunds('ch_1');
      expect(refunds).toEqual([expect.objectContaining({ amountCents: 2_000 })]);
      expect(outcome).toEqual({ ok: true, refundId: refunds[0]?.id, status: 'succeeded', remainingCents: 8_000 });
    });

    it('counts earlier succeeded and pending refunds, but not failed ones, in what is left', async () => {
      gateway.addRefund({ id: 're_s', chargeId: 'ch_1', amountCents: 1_000, status: 'succeeded' });
      gateway.addRefund({ id: 're_p', chargeId: 'ch_1', amountCents: 2_000, status: 'pending' });
      gateway.addRefund({ id: 're_f', chargeId: 'ch_1', amountCents: 4_000, status: 'failed' });

      const outcome = await service.refund({ chargeId: 'ch_1', amountCents: 500, requestId: 'req_1' });

      expect(outcome).toMatchObject({ ok: true, remainingCents: 6_500 });
    });

    it('refunds exactly what is left', async () => {
      gateway.addRefund({ id: 're_s', chargeId: 'ch_1', amountCents: 4_000, status: 'succeeded' });

      const outcome = await service.refund({ chargeId: 'ch_1', amountCents: 6_000, requestId: 'req_1' });

      expect(outcome).toMatchObject({ ok: true, remainingCents: 0 });
    });

    it('refunds once when the same request is retried', async () => {
      const first = await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });
      const retry = await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });

      expect(retry).toEqual(first);
      expect(await gateway.listRefunds('ch_1')).toHaveLength(1);
    });

    it('treats two requests for the same amount as two refunds', async () => {
      await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });
      const second = await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_2' });

      expect(second).toMatchObject({ ok: true, remainingCents: 6_000 });
      expect(await gateway.listRefunds('ch_1')).toHaveLength(2);
    });
  });

  describe('a refund that is refused', () => {
    it.each([0, -100, 10.5])('refuses %s cents and refunds nothing', async (amountCents) => {
      expect(await service.refund({ chargeId: 'ch_1', amountCents, requestId: 'req_1' })).toEqual({
        ok: false,
        reason: 'invalid-amount',
      });
      expect(await gateway.listRefunds('ch_1')).toEqual([]);
    });

    it('refuses an unknown charge', async () => {
      expect(await service.refund({ chargeId: 'ch_unknown', amountCents: 1_000, requestId: 'req_1' })).toEqual({
        ok: false,
        reason: 'charge-not-found',
      });
    });

    it.each(['pending', 'failed'] as const)('refuses a %s charge and refunds nothing', async (status) => {
      gateway.addCharge({ ...charge, id: 'ch_x', status });

      expect(await service.refund({ chargeId: 'ch_x', amountCents: 1_000, requestId: 'req_1' })).toEqual({
        ok: false,
        reason: 'not-refundable',
      });
      expect(await gateway.listRefunds('ch_x')).toEqual([]);
    });

    it('refuses more than what is left, counting pending refunds', async () => {
      gateway.addRefund({ id: 're_p', chargeId: 'ch_1', amountCents: 9_000, status: 'pending' });

      expect(await service.refund({ chargeId: 'ch_1', amountCents: 1_001, requestId: 'req_1' })).toEqual({
        ok: false,
        reason: 'exceeds-remaining',
      });
      expect(await gateway.listRefunds('ch_1')).toHaveLength(1);
    });
  });
});

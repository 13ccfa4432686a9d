import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RefundRejectedError } from './payment-gateway';
import { RefundService } from './refund-service';

describe('RefundService', () => {
  let gateway: {
    getCharge: ReturnType<typeof vi.fn>;
    listRefunds: ReturnType<typeof vi.fn>;
    createRefund: ReturnType<typeof vi.fn>;
  };
  let service: RefundService;

  beforeEach(() => {
    gateway = { getCharge: vi.fn(), listRefunds: vi.fn(), createRefund: vi.fn() };
    service = new RefundService(gateway);
    gateway.getCharge.mockResolvedValue({ id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' });
    gateway.listRefunds.mockResolvedValue([]);
    gateway.createRefund.mockResolvedValue({ id: 're_1', chargeId: 'ch_1', amountCents: 2_000, status: 'succeeded' });
  });

  it('refunds a charge', async () => {
    await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });

    expect(gateway.getCharge).toHaveBeenCalledWith('ch_1');
    expect(gateway.createRefund).toHaveBeenCalledWith({ chargeId: 'ch_1', amountCents: 2_000, idempotencyKey: 'refund:req_1' });
    expect(gateway.listRefunds).toHaveBeenCalledWith('ch_1');
    expect(gateway.getCharge).toHaveBeenCalledBefore(gateway.createRefund);
  });

  it('does not refund an unknown charge', async () => {
    gateway.getCharge.mockResolvedValue(undefined);

    await service.refund({ chargeId: 'ch_404', amountCents: 2_000, requestId: 'req_1' });

    expect(gateway.getCharge).toHaveBeenCalledWith('ch_404');
    expect(gateway.createRefund).not.toHaveBeenCalled();
  });

  it('does not refund a pending charge', async () => {
    gateway.getCharge.mockResolvedValue({ id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'pending' });

    await service.refund({ chargeId: 'ch_1', amountCents: 2_000, requestId: 'req_1' });

    expect(gateway.createRefund).not.toHaveBeenCalled();
  });

  it('does not call the provider for a zero amount', async () => {
    await service.refund({ chargeId: 'ch_1', amountCents: 0, requestId: 'req_1' });

    expect(gateway.getCharge).not.toHaveBeenCalled();
    expect(gateway.createRefund).not.toHaveBeenCalled();
  });

  it('handles an amount above what is left', async () => {
    gateway.createRefund.mockRejectedValue(new RefundRejectedError('amount-too-large'));

    await service.refund({ chargeId: 'ch_1', amountCents: 20_000, requestId: 'req_1' });

    expect(gateway.createRefund).toHaveBeenCalledTimes(1);
    expect(gateway.listRefunds).not.toHaveBeenCalled();
  });
});

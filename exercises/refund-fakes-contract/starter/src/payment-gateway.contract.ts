import { beforeEach, describe, expect, it } from 'vitest';
import type { Charge, PaymentGateway, Refund } from './payment-gateway';

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
    const charge: Charge = { id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' };

    beforeEach(() => {
      subject = setup();
      subject.addCharge(charge);
    });

    it('returns a charge it knows', async () => {
      expect(await subject.gateway.getCharge('ch_1')).toEqual(charge);
    });
  });
}

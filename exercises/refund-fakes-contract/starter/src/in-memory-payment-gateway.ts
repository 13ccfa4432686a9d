import type { Charge, PaymentGateway, Refund, RefundRequest } from './payment-gateway';

/**
 * An in-memory PaymentGateway for the service tests: fast, deterministic, and (once the contract suite
 * runs against it) behaving like the provider. Tests seed it with addCharge/addRefund and read the
 * results through the port itself.
 */
export class InMemoryPaymentGateway implements PaymentGateway {
  readonly #charges = new Map<string, Charge>();
  readonly #refunds: Refund[] = [];

  addCharge(charge: Charge): void {
    this.#charges.set(charge.id, { ...charge });
  }

  addRefund(refund: Refund): void {
    this.#refunds.push({ ...refund });
  }

  async getCharge(_chargeId: string): Promise<Charge | undefined> {
    throw new Error('InMemoryPaymentGateway.getCharge is not written yet');
  }

  async listRefunds(_chargeId: string): Promise<Refund[]> {
    throw new Error('InMemoryPaymentGateway.listRefunds is not written yet');
  }

  async createRefund(_request: RefundRequest): Promise<Refund> {
    throw new Error('InMemoryPaymentGateway.createRefund is not written yet');
  }
}

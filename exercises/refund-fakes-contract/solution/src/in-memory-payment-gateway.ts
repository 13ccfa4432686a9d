import { RefundRejectedError, type Charge, type PaymentGateway, type Refund, type RefundRequest } from './payment-gateway';

/**
 * An in-memory PaymentGateway for the service tests: fast, deterministic, and (once the contract suite
 * runs against it) behaving like the provider. Tests seed it with addCharge/addRefund and read the
 * results through the port itself.
 */
export class InMemoryPaymentGateway implements PaymentGateway {
  readonly #charges = new Map<string, Charge>();
  readonly #refunds: Refund[] = [];
  readonly #keys = new Map<string, { request: RefundRequest; refund: Refund }>();
  #nextId = 1;

  addCharge(charge: Charge): void {
    this.#charges.set(charge.id, { ...charge });
  }

  addRefund(refund: Refund): void {
    this.#refunds.push({ ...refund });
  }

  async getCharge(chargeId: string): Promise<Charge | undefined> {
    const charge = this.#charges.get(chargeId);
    return charge && { ...charge };
  }

  async listRefunds(chargeId: string): Promise<Refund[]> {
    return this.#refunds.filter((r) => r.chargeId === chargeId).map((r) => ({ ...r }));
  }

  async createRefund(request: RefundRequest): Promise<Refund> {
    const seen = this.#keys.get(request.idempotencyKey);
    if (seen) {
      const same = seen.request.chargeId === request.chargeId && seen.request.amountCents === request.amountCents;
      if (!same) throw new RefundRejectedError('idempotency-key-reused');
      return { ...seen.refund };
    }
    const charge = this.#charges.get(request.chargeId);
    if (!charge) throw new RefundRejectedError('charge-not-found');
    if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) throw new RefundRejectedError('invalid-amount');
    if (charge.status !== 'succeeded') throw new RefundRejectedError('charge-not-refundable');
    const committed = this.#refunds
      .filter((r) => r.chargeId === charge.id && r.status !== 'failed')
      .reduce((sum, r) => sum + r.amountCents, 0);
    if (request.amountCents > charge.amountCents - committed) throw new RefundRejectedError('amount-too-large');
    const refund: Refund = { id: `re_fake_${this.#nextId++}`, chargeId: charge.id, amountCents: request.amountCents, status: 'succeeded' };
    this.#refunds.push(refund);
    this.#keys.set(request.idempotencyKey, { request: { ...request }, refund: { ...refund } });
    return { ...refund };
  }
}

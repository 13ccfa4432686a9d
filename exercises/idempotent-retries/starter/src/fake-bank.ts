import {
  BankKeyReusedError,
  BankTimeoutError,
  BankUnavailableError,
  CardDeclinedError,
  type Bank,
  type BankChargeRequest,
} from './bank';

/**
 * What can go wrong on one request:
 * - unavailable: the bank fails before doing anything (503)
 * - lost-response: the bank commits the charge, then the connection drops before we read the answer (a timeout)
 * - decline: the issuer declines the card
 */
export type Fault = 'unavailable' | 'lost-response' | 'decline';

export interface CommittedCharge extends BankChargeRequest {
  chargeId: string;
}

/** An in-memory bank that honours idempotency keys, with faults injected one request at a time. */
export class FakeBank implements Bank {
  /** Every request that reached the bank, retries included. */
  readonly requests: BankChargeRequest[] = [];
  /** Charges that really happened: money that moved. */
  readonly charges: CommittedCharge[] = [];
  readonly #faults: Fault[] = [];

  /** Queues faults for the next requests, in order; requests after them succeed. */
  inject(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  async charge(request: BankChargeRequest): Promise<{ chargeId: string }> {
    this.requests.push({ ...request });
    const fault = this.#faults.shift();
    if (fault === 'unavailable') throw new BankUnavailableError('503 Service Unavailable');
    const earlier = this.charges.find((c) => c.idempotencyKey === request.idempotencyKey);
    if (earlier && !sameParameters(earlier, request)) throw new BankKeyReusedError();
    if (fault === 'decline') throw new CardDeclinedError();
    const charge = earlier ?? { ...request, chargeId: `ch_${this.charges.length + 1}` };
    if (!earlier) this.charges.push(charge);
    if (fault === 'lost-response') throw new BankTimeoutError('connection reset after the bank committed');
    return { chargeId: charge.chargeId };
  }
}

function sameParameters(a: BankChargeRequest, b: BankChargeRequest): boolean {
  return a.amountCents === b.amountCents && a.currency === b.currency && a.cardToken === b.cardToken;
}

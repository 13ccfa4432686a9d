import {
  AcmeRateLimitedError,
  AcmeServerError,
  AcmeTimeoutError,
  type AcmeBankClient,
  type AcmeCharge,
  type CreateChargeParams,
} from '../../vendor/acme-bank-sdk';

/**
 * What the processor does with one request:
 * - ok / decline: answers;
 * - commit-then-timeout: charges the card, then the response is lost (the incident);
 * - timeout: the request is lost before the processor sees it;
 * - rate-limited (429) / unavailable (5xx): refused, nothing charged.
 */
export type Step = 'ok' | 'decline' | 'commit-then-timeout' | 'timeout' | 'rate-limited' | 'unavailable';

/** A scriptable processor that honours idempotency keys like the real one. After the script: 'ok'. */
export class FakeAcmeBank implements AcmeBankClient {
  /** Every request that reached the processor, in order. */
  readonly requests: CreateChargeParams[] = [];
  /** Cards actually charged, by idempotency key (a request without a key always charges anew). */
  readonly charges = new Map<string, AcmeCharge & { amountCents: number }>();
  private anonymous = 0;

  constructor(private readonly script: Step[] = []) {}

  async createCharge(params: CreateChargeParams): Promise<AcmeCharge> {
    this.requests.push({ ...params });
    const step = this.script.shift() ?? 'ok';
    if (step === 'timeout') throw new AcmeTimeoutError('no response within 10 s');
    if (step === 'rate-limited') throw new AcmeRateLimitedError('429 Too Many Requests');
    if (step === 'unavailable') throw new AcmeServerError('503 Service Unavailable');
    if (step === 'decline') return { id: `ch_declined_${this.requests.length}`, status: 'declined', declineCode: 'insufficient_funds' };

    const key = params.idempotencyKey ?? `no-key-${++this.anonymous}`;
    const existing = this.charges.get(key);
    if (existing && existing.amountCents !== params.amountCents) {
      throw new Error(`idempotency key ${key} reused with a different amount`);
    }
    const charge = existing ?? { id: `ch_${this.charges.size + 1}`, status: 'succeeded' as const, amountCents: params.amountCents };
    this.charges.set(key, charge);
    if (step === 'commit-then-timeout') throw new AcmeTimeoutError('no response within 10 s');
    return { id: charge.id, status: charge.status };
  }
}

import { BankTimeoutError, BankUnavailableError, CardDeclinedError, type Bank } from './bank';
import type { IdempotencyStore } from './idempotency-store';
import type { Reconciliation } from './reconciliation';
import { withRetries, type RetryPolicy } from './retry';

export interface ChargeParams {
  amountCents: number;
  currency: 'EUR' | 'USD';
  cardToken: string;
}

/**
 * What POST /charges answers. 503 tells the client to retry later with the same Idempotency-Key; 202 says
 * the outcome is unknown and being confirmed with the bank (the app shows "we are confirming your payment").
 */
export type ChargeResponse =
  | { status: 201; body: { chargeId: string; amountCents: number } }
  | { status: 202; body: { status: 'pending_confirmation' } }
  | { status: 402; body: { error: 'card_declined' } }
  | { status: 409; body: { error: 'request_in_progress' } }
  | { status: 422; body: { error: 'idempotency_key_reused' } }
  | { status: 503; body: { error: 'bank_unavailable' } };

export interface PaymentApiDeps {
  bank: Bank;
  store: IdempotencyStore;
  /** Where charges with an unknown outcome go, to be settled by asking the bank. */
  reconciliation: Reconciliation;
  retry: RetryPolicy;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Our payment API: the mobile app sends POST /charges with an Idempotency-Key header. */
export class PaymentApi {
  readonly #deps: PaymentApiDeps;

  constructor(deps: PaymentApiDeps) {
    this.#deps = deps;
  }

  async createCharge(_idempotencyKey: string, params: ChargeParams): Promise<ChargeResponse> {
    const { bank, retry, now, sleep, random } = this.#deps;
    try {
      const { chargeId } = await withRetries(
        () => bank.charge({ ...params, idempotencyKey: crypto.randomUUID() }),
        retry,
        { now, sleep, random, isRetryable: () => true },
      );
      return { status: 201, body: { chargeId, amountCents: params.amountCents } };
    } catch (error) {
      if (error instanceof CardDeclinedError) return { status: 402, body: { error: 'card_declined' } };
      if (error instanceof BankUnavailableError || error instanceof BankTimeoutError)
        return { status: 503, body: { error: 'bank_unavailable' } };
      throw error;
    }
  }
}

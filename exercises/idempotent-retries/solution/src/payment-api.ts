import { BankTimeoutError, BankUnavailableError, CardDeclinedError, type Bank } from './bank';
import { fingerprint, type IdempotencyStore } from './idempotency-store';
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

  async createCharge(idempotencyKey: string, params: ChargeParams): Promise<ChargeResponse> {
    const { bank, store, reconciliation, retry, now, sleep, random } = this.#deps;
    const claim = await store.claim(idempotencyKey, fingerprint({ ...params }));
    switch (claim.kind) {
      case 'replay':
        return claim.response as ChargeResponse;
      case 'mismatch':
        return { status: 422, body: { error: 'idempotency_key_reused' } };
      case 'in-progress':
        return { status: 409, body: { error: 'request_in_progress' } };
      case 'new':
        break;
    }

    let response: ChargeResponse;
    try {
      // One key for every attempt, and for the client's own retries: the bank can only recognise a
      // repeat if it sees the same key.
      const { chargeId } = await withRetries(() => bank.charge({ ...params, idempotencyKey }), retry, {
        now,
        sleep,
        random,
        isRetryable: (error) => error instanceof BankUnavailableError,
      });
      response = { status: 201, body: { chargeId, amountCents: params.amountCents } };
    } catch (error) {
      if (error instanceof BankTimeoutError) {
        // No answer: the bank may have charged. No blind retry; the key stays claimed (a client retry gets
        // 409, never a second charge) until reconciliation asks the bank by this key what happened.
        reconciliation.enqueue({ ...params, idempotencyKey });
        return { status: 202, body: { status: 'pending_confirmation' } };
      }
      if (!(error instanceof CardDeclinedError)) {
        // The bank said it did not process the charge (5xx after the last retry), or our own code failed:
        // nothing moved, so the client may try again with the same key.
        await store.release(idempotencyKey);
        if (error instanceof BankUnavailableError) return { status: 503, body: { error: 'bank_unavailable' } };
        throw error;
      }
      response = { status: 402, body: { error: 'card_declined' } };
    }
    await store.complete(idempotencyKey, response);
    return response;
  }
}

import type { ReconciliationQueue } from '../../payments/reconciliation';
import { AcmeRateLimitedError, AcmeServerError, AcmeTimeoutError, type AcmeBankClient } from '../../vendor/acme-bank-sdk';
import { CircuitBreaker } from './circuit-breaker';

export interface Order {
  id: string;
  amountCents: number;
  currency: string;
  cardToken: string;
}

export type PaymentResult =
  | { status: 'Approved'; chargeId: string }
  | { status: 'Declined'; reason: string }
  /** The processor did not answer (a timeout): it may have charged the card; reconciliation will find out. */
  | { status: 'Unknown' }
  /** The processor said it charged nothing (429/5xx, or the breaker is open); safe to try later, same key. */
  | { status: 'Failed' };

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { maxAttempts: 3, baseMs: 100, capMs: 1_000 };

export interface AdapterDeps {
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), like Math.random. */
  random: () => number;
  /** Milliseconds, like Date.now. */
  now: () => number;
  reconciliation: ReconciliationQueue;
}

export interface BankAdapter {
  charge(order: Order): Promise<PaymentResult>;
}

/** The only module that talks to the processor's SDK. */
export function createBankAdapter(client: AcmeBankClient, deps: AdapterDeps, policy: RetryPolicy = DEFAULT_POLICY): BankAdapter {
  void CircuitBreaker; // not wired in yet
  void deps;
  void policy;
  return {
    async charge(order) {
      let lastError: unknown;
      // 1 attempt + 3 retries, immediately, as in the incident.
      for (let attempt = 0; attempt < 4; attempt++) {
        try {
          const charge = await client.createCharge({
            amountCents: order.amountCents,
            currency: order.currency,
            cardToken: order.cardToken,
          });
          if (charge.status === 'declined') return { status: 'Declined', reason: charge.declineCode ?? 'declined' };
          return { status: 'Approved', chargeId: charge.id };
        } catch (error) {
          lastError = error;
          const retryable =
            error instanceof AcmeTimeoutError || error instanceof AcmeRateLimitedError || error instanceof AcmeServerError;
          if (!retryable) throw error;
        }
      }
      throw lastError;
    },
  };
}

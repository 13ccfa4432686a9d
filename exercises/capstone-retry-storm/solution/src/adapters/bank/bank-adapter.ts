import type { ReconciliationQueue } from '../../payments/reconciliation';
import { AcmeRateLimitedError, AcmeServerError, AcmeTimeoutError, type AcmeBankClient } from '../../vendor/acme-bank-sdk';
import { BreakerOpenError, CircuitBreaker } from './circuit-breaker';

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

/** Full jitter: a random wait between 0 and the capped exponential bound for retry n (from 0). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry));
}

/** One key per logical charge: every attempt, and every later retry of the order, sends the same one. */
export function idempotencyKeyFor(order: Order): string {
  return `order:${order.id}:charge`;
}

/**
 * The only module that talks to the processor's SDK, and the only layer that retries (ADR 12): a 429 or
 * 5xx is retried with capped exponential backoff and full jitter, one idempotency key per order, behind
 * one breaker shared by every charge; a timeout is never retried (Unknown, queued for reconciliation).
 */
export function createBankAdapter(client: AcmeBankClient, deps: AdapterDeps, policy: RetryPolicy = DEFAULT_POLICY): BankAdapter {
  const breaker = new CircuitBreaker({ failureThreshold: 5, resetAfterMs: 30_000, now: deps.now });

  return {
    async charge(order) {
      const idempotencyKey = idempotencyKeyFor(order);

      for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
        try {
          const charge = await breaker.call(() =>
            client.createCharge({
              amountCents: order.amountCents,
              currency: order.currency,
              cardToken: order.cardToken,
              idempotencyKey,
            }),
          );
          if (charge.status === 'declined') return { status: 'Declined', reason: charge.declineCode ?? 'declined' };
          return { status: 'Approved', chargeId: charge.id };
        } catch (error) {
          if (error instanceof AcmeTimeoutError) {
            // No answer: the card may have been charged. Never retry blindly; reconciliation asks by the key.
            deps.reconciliation.enqueue({ orderId: order.id, idempotencyKey });
            return { status: 'Unknown' };
          }
          if (error instanceof BreakerOpenError) break; // fail fast: no calls while the processor is struggling
          // A 429 or 5xx says nothing was charged: retry with the same key, within the budget.
          if (!(error instanceof AcmeRateLimitedError || error instanceof AcmeServerError)) throw error;
        }
        if (attempt < policy.maxAttempts - 1) await deps.sleep(backoffDelay(attempt, policy, deps.random));
      }

      return { status: 'Failed' };
    },
  };
}

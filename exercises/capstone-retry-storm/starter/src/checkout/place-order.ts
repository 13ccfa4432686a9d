import type { BankAdapter, Order } from '../adapters/bank/bank-adapter';
import { AcmeServerError, AcmeTimeoutError } from '../vendor/acme-bank-sdk';

/** What the customer sees after clicking "Pay". */
export type CheckoutOutcome = 'paid' | 'declined' | 'confirming' | 'try-again';

export async function placeOrder(bank: BankAdapter, order: Order): Promise<CheckoutOutcome> {
  // "Resilience": checkout retries payment 3 more times when the bank is slow or down.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await bank.charge(order);
      if (result.status === 'Approved') return 'paid';
      if (result.status === 'Declined') return 'declined';
      if (result.status === 'Unknown') return 'confirming';
      return 'try-again';
    } catch (error) {
      const retryable = error instanceof AcmeTimeoutError || error instanceof AcmeServerError;
      if (retryable && attempt < 4) continue;
      return 'try-again';
    }
  }
}

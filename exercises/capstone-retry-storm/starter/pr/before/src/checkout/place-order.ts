import type { BankAdapter, Order } from '../adapters/bank/bank-adapter';

/** What the customer sees after clicking "Pay". */
export type CheckoutOutcome = 'paid' | 'declined' | 'confirming' | 'try-again';

/**
 * Checkout does not retry: the bank adapter is the one retrying layer (ADR 12), so one click costs at
 * most the adapter's attempts, never their product with ours.
 */
export async function placeOrder(bank: BankAdapter, order: Order): Promise<CheckoutOutcome> {
  const result = await bank.charge(order);
  switch (result.status) {
    case 'Approved':
      return 'paid';
    case 'Declined':
      return 'declined';
    case 'Unknown':
      return 'confirming'; // "we're confirming your payment", never "failed": the card may be charged
    case 'Failed':
      return 'try-again';
  }
}

import type { BankAdapter, Order } from '../adapters/bank/bank-adapter';
import { chargeStatus } from './charge-status';

/** What the customer sees after clicking "Pay". */
export type CheckoutOutcome = 'paid' | 'declined' | 'confirming' | 'try-again';

const RETRIES = 3;
const DELAY_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Checkout is more resilient now: a failed charge is tried again before the customer sees an error. */
export async function placeOrder(bank: BankAdapter, order: Order): Promise<CheckoutOutcome> {
  for (let attempt = 0; ; attempt++) {
    const result = await bank.charge(order);
    switch (result.status) {
      case 'Approved':
        return 'paid';
      case 'Declined':
        return 'declined';
      case 'Unknown':
        // Ask the processor directly instead of waiting for reconciliation.
        return (await chargeStatus(order)) === 'succeeded' ? 'paid' : 'confirming';
      case 'Failed':
        if (attempt < RETRIES) {
          await sleep(DELAY_MS);
          continue;
        }
        return 'try-again';
    }
  }
}

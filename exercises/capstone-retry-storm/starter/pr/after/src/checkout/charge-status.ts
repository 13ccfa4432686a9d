import { createClient } from '@acme/bank-sdk';
import type { Order } from '../adapters/bank/bank-adapter';

const client = createClient({ apiKey: process.env['ACME_API_KEY'] ?? '' });

/** The charge's status straight from the processor, for orders the adapter reported as Unknown. */
export async function chargeStatus(order: Order): Promise<'succeeded' | 'declined' | 'not-found'> {
  const charge = await client.findCharge({ idempotencyKey: `order:${order.id}:charge` });
  return charge?.status ?? 'not-found';
}

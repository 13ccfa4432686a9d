import { describe, expect, it } from 'vitest';
import { placeOrder } from './place-order';
import { stubBank } from './testing/stub-bank';

const order = { id: 'o-1', amountCents: 4_200, currency: 'EUR', cardToken: 'tok_visa' };

describe('placeOrder', () => {
  it('shows "paid" when the bank approves', async () => {
    await expect(placeOrder(stubBank({ status: 'Approved', chargeId: 'ch_1' }), order)).resolves.toBe('paid');
  });
});

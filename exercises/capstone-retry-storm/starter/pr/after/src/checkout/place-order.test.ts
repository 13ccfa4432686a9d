import { describe, expect, it } from 'vitest';
import { placeOrder } from './place-order';
import { stubBank } from './testing/stub-bank';

const order = { id: 'o-1', amountCents: 4_200, currency: 'EUR', cardToken: 'tok_visa' };

describe('placeOrder', () => {
  it('shows "paid" when the bank approves', async () => {
    await expect(placeOrder(stubBank({ status: 'Approved', chargeId: 'ch_1' }), order)).resolves.toBe('paid');
  });

  it('shows "declined" and charges nothing more when the card is declined', async () => {
    const bank = stubBank({ status: 'Declined', reason: 'insufficient_funds' });
    await expect(placeOrder(bank, order)).resolves.toBe('declined');
    expect(bank.calls).toBe(1);
  });
});

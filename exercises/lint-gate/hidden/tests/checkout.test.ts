import { describe, expect, it } from 'vitest';
import { checkoutTotal, type CartLine } from '../src/checkout';

const cart: CartLine[] = [
  { sku: 'mug', quantity: 2, unitPriceCents: 1_250 },
  { sku: 'tea', quantity: 1, unitPriceCents: 800 },
];

describe('checkoutTotal', () => {
  it('adds up the lines when there is no coupon', () => {
    expect(checkoutTotal(cart)).toBe(3_300);
  });

  it('takes a fixed coupon off the total', () => {
    expect(checkoutTotal(cart, { kind: 'fixed', amountCents: 500 })).toBe(2_800);
  });

  it('never charges less than zero when the coupon is worth more than the cart', () => {
    expect(checkoutTotal(cart, { kind: 'fixed', amountCents: 5_000 })).toBe(0);
  });

  it('takes a percentage coupon off, rounded to the cent', () => {
    expect(checkoutTotal(cart, { kind: 'percent', percent: 15 })).toBe(2_805);
  });

  it('charges nothing for an empty cart, coupon or not', () => {
    expect(checkoutTotal([], { kind: 'fixed', amountCents: 500 })).toBe(0);
  });
});

export interface CartLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export type Coupon = { kind: 'percent'; percent: number } | { kind: 'fixed'; amountCents: number };

/** Total to charge for a cart, in cents, after at most one coupon. Never negative. */
export function checkoutTotal(lines: readonly CartLine[], coupon?: Coupon): number {
  let totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  if (coupon?.kind === 'percent') {
    totalCents = Math.round(totalCents * (1 - coupon.percent / 100));
  } else if (coupon?.kind === 'fixed') {
    totalCents -= coupon.amountCents;
  }
  return Math.max(totalCents, 0);
}

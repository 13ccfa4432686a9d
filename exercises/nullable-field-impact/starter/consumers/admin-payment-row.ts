// admin/src/payment-row.ts — one row of the admin payments table.
export function paymentRow(p: PaymentDto): string[] {
  return [p.id, formatMoney(p.amount, p.currency), p.capturedAt ? formatDate(p.capturedAt) : '—'];
}

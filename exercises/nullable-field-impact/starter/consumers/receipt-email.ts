// receipts/src/receipt-email.ts — runs on the payment.captured event, one payment at a time.
export function receiptFor(p: PaymentDto): Email {
  return { subject: `Receipt ${p.id}`, body: `You paid ${formatMoney(p.amount, p.currency)}.` };
}

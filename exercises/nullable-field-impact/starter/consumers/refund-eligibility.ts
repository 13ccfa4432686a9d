// refunds/src/eligibility.ts — reads one payment by id (GET /payments/:id).
export function refundWindowOpen(p: PaymentDto, now: Date): boolean {
  const captured = new Date(p.capturedAt).getTime();
  return now.getTime() - captured < 30 * 24 * 60 * 60 * 1000;
}
// Called only for payments the customer sees as charged; the refund UI links from the receipt email.

// fraud/src/velocity.ts — too many captured payments in an hour flags the customer.
export function capturedInLastHour(payments: PaymentDto[], now: Date): number {
  let count = 0;
  for (const p of payments) {
    if (!p.capturedAt) continue; // written for partial records from the old importer
    if (now.getTime() - Date.parse(p.capturedAt) < 60 * 60 * 1000) count += 1;
  }
  return count;
}

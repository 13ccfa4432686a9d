// finance/src/daily-reconciliation.ts — lists a day's payments and matches them to the bank file.
export function reconcile(payments: PaymentDto[], bankLines: BankLine[]): Mismatch[] {
  const sorted = [...payments].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  return matchInOrder(sorted, bankLines); // the bank file lists captured money only
}

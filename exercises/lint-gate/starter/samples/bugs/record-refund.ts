interface Ledger {
  append(entry: { kind: 'refund'; paymentId: string; amountCents: number }): Promise<void>;
}

// Bug: the ledger write is never awaited; the refund is reported done before it is saved, and a failed write is lost.
export async function recordRefund(ledger: Ledger, paymentId: string, amountCents: number): Promise<{ ok: true }> {
  ledger.append({ kind: 'refund', paymentId, amountCents });
  return { ok: true };
}

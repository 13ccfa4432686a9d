// payouts/src/merchant-payouts.ts — pays each merchant what its payments brought in.
export async function weeklyPayout(merchantId: string, api: PaymentsApi): Promise<number> {
  const payments = await api.list({ merchant: merchantId, from: weekStart(), to: weekEnd() });
  // Every listed payment is money we hold for the merchant.
  return payments.reduce((sum, p) => sum + p.amount, 0);
}

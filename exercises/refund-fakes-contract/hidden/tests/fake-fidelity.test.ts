import { describe, expect, it } from 'vitest';
import { InMemoryPaymentGateway } from '../src/in-memory-payment-gateway';
import { RefundRejectedError, type Charge, type PaymentGateway, type Refund, type RefundRequest } from '../src/payment-gateway';
import { provider } from './provider';

/**
 * Differential test: each scenario runs against your fake and against the HTTP adapter over the
 * provider's sandbox, and every call must end the same way on both.
 */

type Call =
  | { getCharge: string }
  | { listRefunds: string }
  | { createRefund: RefundRequest };

interface Scenario {
  name: string;
  charges?: Charge[];
  refunds?: Refund[];
  calls: Call[];
}

const ch1: Charge = { id: 'ch_1', amountCents: 10_000, currency: 'EUR', status: 'succeeded' };
const refund = (amountCents: number, idempotencyKey = 'k1', chargeId = 'ch_1'): Call => ({
  createRefund: { chargeId, amountCents, idempotencyKey },
});

const scenarios: Scenario[] = [
  { name: 'returns a known charge as it was stored, and undefined for an unknown one', calls: [{ getCharge: 'ch_1' }, { getCharge: 'ch_nope' }] },
  { name: 'keeps USD charges in USD', charges: [{ ...ch1, id: 'ch_usd', currency: 'USD' }], calls: [{ getCharge: 'ch_usd' }] },
  {
    name: 'lists a charge’s refunds, oldest first, whatever their status, and only that charge’s',
    charges: [{ ...ch1, id: 'ch_2' }],
    refunds: [
      { id: 're_a', chargeId: 'ch_1', amountCents: 100, status: 'failed' },
      { id: 're_b', chargeId: 'ch_2', amountCents: 300, status: 'succeeded' },
      { id: 're_c', chargeId: 'ch_1', amountCents: 200, status: 'pending' },
    ],
    calls: [{ listRefunds: 'ch_1' }, { listRefunds: 'ch_2' }],
  },
  { name: 'lists no refunds for an unknown charge', calls: [{ listRefunds: 'ch_nope' }] },
  { name: 'creates a refund and lists it after earlier ones', refunds: [{ id: 're_a', chargeId: 'ch_1', amountCents: 100, status: 'succeeded' }], calls: [refund(2_500), { listRefunds: 'ch_1' }] },
  { name: 'returns the first refund for a repeated key and creates nothing', calls: [refund(2_500), refund(2_500), { listRefunds: 'ch_1' }] },
  { name: 'creates one refund per key', calls: [refund(2_500, 'k1'), refund(2_500, 'k2'), { listRefunds: 'ch_1' }] },
  { name: 'rejects a key reused with a different amount', calls: [refund(2_500), refund(3_000), { listRefunds: 'ch_1' }] },
  {
    name: 'rejects a key reused for a different charge',
    charges: [{ ...ch1, id: 'ch_2' }],
    calls: [refund(2_500, 'k1', 'ch_1'), refund(2_500, 'k1', 'ch_2'), { listRefunds: 'ch_2' }],
  },
  {
    name: 'counts succeeded and pending refunds against the charge, not failed ones',
    refunds: [
      { id: 're_s', chargeId: 'ch_1', amountCents: 1_000, status: 'succeeded' },
      { id: 're_p', chargeId: 'ch_1', amountCents: 2_000, status: 'pending' },
      { id: 're_f', chargeId: 'ch_1', amountCents: 5_000, status: 'failed' },
    ],
    calls: [refund(7_001, 'k1'), refund(7_000, 'k2'), refund(1, 'k3')],
  },
  { name: 'rejects refunds for an unknown charge', calls: [refund(1_000, 'k1', 'ch_nope')] },
  { name: 'rejects zero, negative and fractional amounts', calls: [refund(0, 'k1'), refund(-5, 'k2'), refund(10.5, 'k3'), { listRefunds: 'ch_1' }] },
  {
    name: 'rejects refunds of pending and failed charges',
    charges: [{ ...ch1, id: 'ch_p', status: 'pending' }, { ...ch1, id: 'ch_f', status: 'failed' }],
    calls: [refund(1_000, 'k1', 'ch_p'), refund(1_000, 'k2', 'ch_f'), { listRefunds: 'ch_p' }],
  },
  { name: 'allows a retry with the same key after a rejection', calls: [refund(20_000, 'k1'), refund(20_000, 'k1')] },
];

type Outcome = { returned: unknown } | { rejected: string } | { threw: string };

async function play(scenario: Scenario, target: { gateway: PaymentGateway; addCharge(c: Charge): void; addRefund(r: Refund): void }): Promise<Outcome[]> {
  target.addCharge(ch1);
  scenario.charges?.forEach((c) => target.addCharge(c));
  scenario.refunds?.forEach((r) => target.addRefund(r));
  const outcomes: Outcome[] = [];
  for (const call of scenario.calls) {
    try {
      const value =
        'getCharge' in call
          ? await target.gateway.getCharge(call.getCharge)
          : 'listRefunds' in call
            ? await target.gateway.listRefunds(call.listRefunds)
            : await target.gateway.createRefund({ ...call.createRefund });
      outcomes.push({ returned: value });
    } catch (error) {
      outcomes.push(error instanceof RefundRejectedError ? { rejected: error.code } : { threw: String(error) });
    }
  }
  return withStableRefundIds(outcomes, new Set(scenario.refunds?.map((r) => r.id)));
}

/** New refund ids differ between implementations ("re_fake_1", "re_1"); name them by first appearance. */
function withStableRefundIds(outcomes: Outcome[], seeded: ReadonlySet<string>): Outcome[] {
  const names = new Map<string, string>();
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (typeof copy.id === 'string' && 'chargeId' in copy && !seeded.has(copy.id)) {
        if (!names.has(copy.id)) names.set(copy.id, `new refund #${names.size + 1}`);
        copy.id = names.get(copy.id);
      }
      return copy;
    }
    return value;
  };
  return outcomes.map((o) => ('returned' in o ? { returned: rename(o.returned) } : o));
}

describe('your InMemoryPaymentGateway behaves like the provider', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const fake = new InMemoryPaymentGateway();
      const yours = await play(scenario, { gateway: fake, addCharge: (c) => fake.addCharge(c), addRefund: (r) => fake.addRefund(r) });
      const real = await play(scenario, provider());
      expect(yours, 'what each call returned or threw: your fake (received) against the provider sandbox (expected)').toEqual(real);
    });
  }
});

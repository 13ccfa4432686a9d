/**
 * A small model of the payments repository that a plan's steps are applied to. Each file is a module
 * factory that imports what it needs through `require`, so a step that moves or renames something
 * without updating its importers fails to build, as `tsc` would; each test file is a list of test cases
 * run against the built modules, as `npm test` would.
 */
export type Exports = Record<string, unknown>;
export type Require = (path: string) => Exports;
export type ModuleFactory = (require: Require) => Exports;

export interface TestCase {
  name: string;
  run: (require: Require) => void;
}

export interface Codebase {
  modules: Map<string, ModuleFactory>;
  testFiles: Map<string, TestCase[]>;
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/** Throws a BuildError naming the first import that does not resolve. */
export function build(code: Codebase): Require {
  const cache = new Map<string, Exports>();
  const require: Require = (path) => {
    const cached = cache.get(path);
    if (cached) return cached;
    const factory = code.modules.get(path);
    if (!factory) throw new BuildError(`Cannot find module '${path}'`);
    const exports = factory(require);
    cache.set(path, exports);
    return exports;
  };
  for (const path of code.modules.keys()) require(path);
  return require;
}

/** Builds, then runs every test case; returns one line per failure (empty when all pass). */
export function check(code: Codebase): string[] {
  let require: Require;
  try {
    require = build(code);
  } catch (error) {
    return [`build: ${(error as Error).message}`];
  }
  const failures: string[] = [];
  for (const [file, cases] of code.testFiles) {
    for (const testCase of cases) {
      try {
        testCase.run(require);
      } catch (error) {
        failures.push(`${file} > ${testCase.name}: ${(error as Error).message}`);
      }
    }
  }
  return failures;
}

export function assertEqual(actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`expected ${e}, got ${a}`);
}

type Fn = (...args: never[]) => unknown;
/** Looks up a function export, as a typed import would. */
export function fn<F extends Fn>(exports: Exports, name: string): F {
  const value = exports[name];
  if (typeof value !== 'function') throw new BuildError(`Module has no exported function '${name}'`);
  return value as F;
}

// ─── main before the pull request ──────────────────────────────────────────────────────────────────

interface PaymentV1 {
  id: string;
  amount: number;
  refunded: number;
  currency: string;
}

const paymentRows = [
  { id: 'pay_1', amount_cents: 1000, refunded_cents: 200, currency: 'EUR' },
  { id: 'pay_2', amount_cents: 2500, refunded_cents: 0, currency: 'EUR' },
];

export const paymentsRepositoryV1: ModuleFactory = () => ({
  loadPayment: (id: string): PaymentV1 => {
    const row = paymentRows.find((r) => r.id === id);
    if (!row) throw new Error(`no payment ${id}`);
    return { id: row.id, amount: row.amount_cents, refunded: row.refunded_cents, currency: row.currency };
  },
});

export const refundAmountV1: ModuleFactory = () => ({
  refundAmount: (payment: PaymentV1, requested: number) => Math.min(requested, payment.amount - payment.refunded),
});

export const ledgerModule: ModuleFactory = () => ({
  ledgerEntry: (paymentId: string, cents: number) => ({ account: 'refunds', paymentId, cents }),
});

export function refundServiceImporting(ledgerPath: string): ModuleFactory {
  return (require) => {
    const { loadPayment } = require('payments/repository') as { loadPayment: (id: string) => unknown };
    const refundAmount = fn<(p: unknown, r: number) => number>(require('refunds/refund-amount'), 'refundAmount');
    const ledgerEntry = fn<(id: string, c: number) => unknown>(require(ledgerPath), 'ledgerEntry');
    return {
      refund: (paymentId: string, requested: number) => {
        const cents = refundAmount(loadPayment(paymentId), requested);
        return { refundedCents: cents, entry: ledgerEntry(paymentId, cents) };
      },
    };
  };
}

export const refundAmountTestsV1: TestCase[] = [
  {
    name: 'caps a refund at what is left of the payment',
    run: (require) => {
      const refundAmount = fn<(p: PaymentV1, r: number) => number>(require('refunds/refund-amount'), 'refundAmount');
      assertEqual(refundAmount({ id: 'p', amount: 500, refunded: 100, currency: 'EUR' }, 1000), 400);
    },
  },
];

export const refundServiceTests: TestCase[] = [
  {
    name: 'refunds what is left of pay_1 and records it in the ledger',
    run: (require) => {
      const refund = fn<(id: string, r: number) => unknown>(require('refunds/refund-service'), 'refund');
      assertEqual(refund('pay_1', 5000), { refundedCents: 800, entry: { account: 'refunds', paymentId: 'pay_1', cents: 800 } });
    },
  },
];

/** The repository as it is on main, before the pull request. */
export function mainBranch(): Codebase {
  return {
    modules: new Map([
      ['payments/repository', paymentsRepositoryV1],
      ['refunds/refund-amount', refundAmountV1],
      ['refunds/ledger', ledgerModule],
      ['refunds/refund-service', refundServiceImporting('refunds/ledger')],
    ]),
    testFiles: new Map([
      ['refunds/refund-amount.test.ts', refundAmountTestsV1],
      ['refunds/refund-service.test.ts', refundServiceTests],
    ]),
  };
}

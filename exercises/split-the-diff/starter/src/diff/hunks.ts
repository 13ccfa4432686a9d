import {
  assertEqual,
  fn,
  ledgerModule,
  refundServiceImporting,
  type Codebase,
  type ModuleFactory,
  type TestCase,
} from './codebase';

/**
 * The hunks of "Add partial refunds" (see diff.md), in the order the diff lists them. `kind` is the tag
 * the author gave each hunk.
 */
export interface Hunk {
  id: string;
  file: string;
  kind: 'refactor' | 'behaviour';
  lines: number;
  apply(code: Codebase): void;
}

interface Payment {
  id: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
}

const paymentRows = [
  { id: 'pay_1', amount_cents: 1000, refunded_cents: 200, currency: 'EUR' },
  { id: 'pay_2', amount_cents: 2500, refunded_cents: 0, currency: 'EUR' },
];

const repositoryV2: ModuleFactory = () => ({
  loadPayment: (id: string): Payment => {
    const row = paymentRows.find((r) => r.id === id);
    if (!row) throw new Error(`no payment ${id}`);
    return { id: row.id, amountCents: row.amount_cents, refundedCents: row.refunded_cents, currency: row.currency };
  },
});

const refundAmountV2: ModuleFactory = () => ({
  refundAmount: (payment: Payment, requestedCents: number) =>
    Math.min(requestedCents, payment.amountCents - payment.refundedCents),
});

const refundAmountRounded: ModuleFactory = () => ({
  refundAmount: (payment: Payment, requestedCents: number) =>
    Math.round(Math.min(requestedCents, payment.amountCents - payment.refundedCents)),
});

type Decision = { kind: 'full' | 'partial'; cents: number } | { kind: 'rejected'; reason: string };

const decideRefundModule: ModuleFactory = () => ({
  decideRefund: (payment: Payment, requestedCents?: number): Decision => {
    const left = payment.amountCents - payment.refundedCents;
    if (!(left > 0)) return { kind: 'rejected', reason: 'nothing left to refund' };
    if (requestedCents === undefined || requestedCents >= left) return { kind: 'full', cents: left };
    if (requestedCents <= 0) return { kind: 'rejected', reason: 'amount must be positive' };
    return { kind: 'partial', cents: requestedCents };
  },
});

const postRefundModule: ModuleFactory = (require) => {
  const loadPayment = fn<(id: string) => Payment>(require('payments/repository'), 'loadPayment');
  const decideRefund = fn<(p: Payment, c?: number) => Decision>(require('refunds/decide-refund'), 'decideRefund');
  return {
    postRefund: (req: { paymentId: string; amountCents?: number }, flags: { partialRefunds: boolean }) => {
      if (!flags.partialRefunds && req.amountCents !== undefined) {
        return { status: 422, error: 'partial refunds are not enabled for this merchant' };
      }
      const decision = decideRefund(loadPayment(req.paymentId), req.amountCents);
      if (decision.kind === 'rejected') return { status: 422, error: decision.reason };
      return { status: 200, body: decision };
    },
  };
};

type PostRefund = (req: { paymentId: string; amountCents?: number }, flags: { partialRefunds: boolean }) => unknown;
type DecideRefund = (p: Partial<Payment>, c?: number) => Decision;
type RefundAmount = (p: Partial<Payment>, c: number) => number;

const postRefundTests: TestCase[] = [
  {
    name: 'answers 422 to a partial refund while the flag is off',
    run: (require) => {
      const postRefund = fn<PostRefund>(require('http/post-refund'), 'postRefund');
      assertEqual(postRefund({ paymentId: 'pay_2', amountCents: 1000 }, { partialRefunds: false }), {
        status: 422,
        error: 'partial refunds are not enabled for this merchant',
      });
    },
  },
  {
    name: 'refunds part of a payment when the flag is on',
    run: (require) => {
      const postRefund = fn<PostRefund>(require('http/post-refund'), 'postRefund');
      assertEqual(postRefund({ paymentId: 'pay_2', amountCents: 1000 }, { partialRefunds: true }), {
        status: 200,
        body: { kind: 'partial', cents: 1000 },
      });
    },
  },
  {
    name: 'refunds what is left when no amount is given',
    run: (require) => {
      const postRefund = fn<PostRefund>(require('http/post-refund'), 'postRefund');
      assertEqual(postRefund({ paymentId: 'pay_1' }, { partialRefunds: false }), { status: 200, body: { kind: 'full', cents: 800 } });
    },
  },
];

const decideRefundTests: TestCase[] = [
  {
    name: 'a requested amount below what is left is a partial refund',
    run: (require) => {
      const decideRefund = fn<DecideRefund>(require('refunds/decide-refund'), 'decideRefund');
      assertEqual(decideRefund({ amountCents: 1000, refundedCents: 0 }, 300), { kind: 'partial', cents: 300 });
    },
  },
  {
    name: 'no amount, or more than is left, refunds everything that is left',
    run: (require) => {
      const decideRefund = fn<DecideRefund>(require('refunds/decide-refund'), 'decideRefund');
      assertEqual(decideRefund({ amountCents: 1000, refundedCents: 400 }), { kind: 'full', cents: 600 });
      assertEqual(decideRefund({ amountCents: 1000, refundedCents: 400 }, 900), { kind: 'full', cents: 600 });
    },
  },
  {
    name: 'a fully refunded payment, or a non-positive amount, is rejected',
    run: (require) => {
      const decideRefund = fn<DecideRefund>(require('refunds/decide-refund'), 'decideRefund');
      assertEqual(decideRefund({ amountCents: 500, refundedCents: 500 }, 100), { kind: 'rejected', reason: 'nothing left to refund' });
      assertEqual(decideRefund({ amountCents: 500, refundedCents: 0 }, 0), { kind: 'rejected', reason: 'amount must be positive' });
    },
  },
];

const capsTestInCents: TestCase = {
  name: 'caps a refund at what is left of the payment',
  run: (require) => {
    const refundAmount = fn<RefundAmount>(require('refunds/refund-amount'), 'refundAmount');
    assertEqual(refundAmount({ amountCents: 500, refundedCents: 100 }, 1000), 400);
  },
};

const roundsTest: TestCase = {
  name: 'rounds a requested amount to whole cents',
  run: (require) => {
    const refundAmount = fn<RefundAmount>(require('refunds/refund-amount'), 'refundAmount');
    assertEqual(refundAmount({ amountCents: 1000, refundedCents: 0 }, 199.6), 200);
  },
};

function replaceTest(code: Codebase, file: string, replacement: TestCase): void {
  const cases = code.testFiles.get(file) ?? [];
  code.testFiles.set(file, [...cases.filter((c) => c.name !== replacement.name), replacement]);
}

export const HUNKS: readonly Hunk[] = [
  {
    id: 'h1', file: 'src/http/post-refund.test.ts', kind: 'behaviour', lines: 34,
    apply: (code) => void code.testFiles.set('http/post-refund.test.ts', postRefundTests),
  },
  {
    id: 'h2', file: 'src/http/post-refund.ts', kind: 'behaviour', lines: 38,
    apply: (code) => void code.modules.set('http/post-refund', postRefundModule),
  },
  {
    id: 'h3', file: 'src/ledger/ledger.ts (new, moved from src/refunds/ledger.ts)', kind: 'refactor', lines: 58,
    apply: (code) => void code.modules.set('ledger/ledger', ledgerModule),
  },
  {
    id: 'h4', file: 'src/payments/repository.ts', kind: 'refactor', lines: 12,
    apply: (code) => void code.modules.set('payments/repository', repositoryV2),
  },
  {
    id: 'h5', file: 'src/refunds/decide-refund.test.ts', kind: 'behaviour', lines: 46,
    apply: (code) => void code.testFiles.set('refunds/decide-refund.test.ts', decideRefundTests),
  },
  {
    id: 'h6', file: 'src/refunds/decide-refund.ts', kind: 'behaviour', lines: 31,
    apply: (code) => void code.modules.set('refunds/decide-refund', decideRefundModule),
  },
  {
    id: 'h7', file: 'src/refunds/ledger.ts (deleted)', kind: 'refactor', lines: 58,
    apply: (code) => void code.modules.delete('refunds/ledger'),
  },
  {
    id: 'h8', file: 'src/refunds/refund-amount.test.ts', kind: 'refactor', lines: 4,
    apply: (code) => replaceTest(code, 'refunds/refund-amount.test.ts', capsTestInCents),
  },
  {
    id: 'h9', file: 'src/refunds/refund-amount.test.ts', kind: 'behaviour', lines: 9,
    apply: (code) => replaceTest(code, 'refunds/refund-amount.test.ts', roundsTest),
  },
  {
    id: 'h10', file: 'src/refunds/refund-amount.ts', kind: 'refactor', lines: 4,
    apply: (code) => void code.modules.set('refunds/refund-amount', refundAmountV2),
  },
  {
    id: 'h11', file: 'src/refunds/refund-amount.ts', kind: 'behaviour', lines: 3,
    apply: (code) => void code.modules.set('refunds/refund-amount', refundAmountRounded),
  },
  {
    id: 'h12', file: 'src/refunds/refund-service.ts', kind: 'refactor', lines: 2,
    apply: (code) => void code.modules.set('refunds/refund-service', refundServiceImporting('ledger/ledger')),
  },
];

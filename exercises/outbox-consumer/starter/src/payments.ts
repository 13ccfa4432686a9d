import type { PaymentEvent, PaymentRow } from './events';
import type { Db, Producer } from './infra';

export class PaymentError extends Error {
  override name = 'PaymentError';
}

export interface Payments {
  capture(paymentId: string, amountCents: number): Promise<void>;
  refund(paymentId: string, amountCents: number): Promise<void>;
  /** Publishes events that are waiting to be published; returns how many it sent (0: nothing to do). */
  relayOnce(): Promise<number>;
}

/**
 * The payments service. It commits the change, then sends the event: two writes, no transaction spanning
 * both. A crash between them and the ledger never hears of a capture.
 */
export function createPayments(db: Db, producer: Producer): Payments {
  async function publish(event: PaymentEvent): Promise<void> {
    await producer.send([{ key: event.paymentId, value: JSON.stringify(event) }]);
  }

  return {
    async capture(paymentId, amountCents) {
      const event = await db.transaction((tx) => {
        if (tx.get<PaymentRow>('payments', paymentId)) throw new PaymentError(`${paymentId} is already captured`);
        tx.put<PaymentRow>('payments', paymentId, { id: paymentId, capturedCents: amountCents, refundedCents: 0, version: 1 });
        return { eventId: `${paymentId}:v1`, type: 'PaymentCaptured', paymentId, amountCents, version: 1 } satisfies PaymentEvent;
      });
      await publish(event);
    },

    async refund(paymentId, amountCents) {
      const event = await db.transaction((tx) => {
        const payment = tx.get<PaymentRow>('payments', paymentId);
        if (!payment) throw new PaymentError(`${paymentId} was never captured`);
        if (payment.refundedCents + amountCents > payment.capturedCents) throw new PaymentError('refund exceeds capture');
        const version = payment.version + 1;
        tx.put<PaymentRow>('payments', paymentId, { ...payment, refundedCents: payment.refundedCents + amountCents, version });
        return { eventId: `${paymentId}:v${version}`, type: 'PaymentRefunded', paymentId, amountCents, version } satisfies PaymentEvent;
      });
      await publish(event);
    },

    async relayOnce() {
      return 0; // events are sent directly above
    },
  };
}

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

interface OutboxRow {
  event: PaymentEvent;
  published: boolean;
}

const RELAY_BATCH = 100;

/**
 * The payments service with a transactional outbox: the change and its event commit together, and a
 * relay publishes from the outbox afterwards. A crash can make the relay send an event twice, never
 * lose one, and never send one whose change rolled back.
 */
export function createPayments(db: Db, producer: Producer): Payments {
  return {
    async capture(paymentId, amountCents) {
      await db.transaction((tx) => {
        if (tx.get<PaymentRow>('payments', paymentId)) throw new PaymentError(`${paymentId} is already captured`);
        tx.put<PaymentRow>('payments', paymentId, { id: paymentId, capturedCents: amountCents, refundedCents: 0, version: 1 });
        const event: PaymentEvent = { eventId: `${paymentId}:v1`, type: 'PaymentCaptured', paymentId, amountCents, version: 1 };
        tx.put<OutboxRow>('outbox', event.eventId, { event, published: false });
      });
    },

    async refund(paymentId, amountCents) {
      await db.transaction((tx) => {
        const payment = tx.get<PaymentRow>('payments', paymentId);
        if (!payment) throw new PaymentError(`${paymentId} was never captured`);
        if (payment.refundedCents + amountCents > payment.capturedCents) throw new PaymentError('refund exceeds capture');
        const version = payment.version + 1;
        tx.put<PaymentRow>('payments', paymentId, { ...payment, refundedCents: payment.refundedCents + amountCents, version });
        const event: PaymentEvent = { eventId: `${paymentId}:v${version}`, type: 'PaymentRefunded', paymentId, amountCents, version };
        tx.put<OutboxRow>('outbox', event.eventId, { event, published: false });
      });
    },

    async relayOnce() {
      return db.transaction(async (tx) => {
        const pending = tx
          .rows<OutboxRow>('outbox')
          .filter((row) => !row.published)
          .slice(0, RELAY_BATCH);
        if (pending.length === 0) return 0;
        // Keyed by payment, so one payment's events share a partition and keep their order.
        await producer.send(pending.map(({ event }) => ({ key: event.paymentId, value: JSON.stringify(event) })));
        // A crash from here to the commit leaves the rows unpublished: they are sent again (a duplicate,
        // which the consumer absorbs), never lost.
        for (const row of pending) tx.put<OutboxRow>('outbox', row.event.eventId, { ...row, published: true });
        return pending.length;
      });
    },
  };
}

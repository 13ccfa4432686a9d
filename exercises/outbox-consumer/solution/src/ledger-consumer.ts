import type { LedgerRow, PaymentEvent } from './events';
import type { Db, Message } from './infra';

export interface LedgerConsumer {
  /**
   * Called for each message, in order within a partition. The broker commits the offset only after this
   * resolves, so a crash before that delivers the message again (at-least-once).
   */
  handle(message: Message): Promise<void>;
}

/**
 * Books payment events into the ledger's `ledger` table, idempotently: the record that an event was
 * processed commits in the same transaction as its effect, so a redelivered event changes nothing and a
 * crash leaves either both or neither.
 */
export function createLedgerConsumer(db: Db): LedgerConsumer {
  return {
    async handle(message) {
      const event = JSON.parse(message.value) as PaymentEvent;
      await db.transaction((tx) => {
        if (tx.get('processed_events', event.eventId)) return; // seen before: a redelivery
        tx.put('processed_events', event.eventId, { eventId: event.eventId });
        const row = tx.get<LedgerRow>('ledger', event.paymentId) ?? {
          paymentId: event.paymentId,
          capturedCents: 0,
          refundedCents: 0,
        };
        if (event.type === 'PaymentCaptured') row.capturedCents += event.amountCents;
        else row.refundedCents += event.amountCents;
        tx.put('ledger', event.paymentId, row);
      });
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createPayments } from '../src/payments';
import { InMemoryDb, InMemoryTopic, type Message, type Producer } from '../src/infra';
import { describeMismatch, redeliverEverything, runScenario } from './harness';

/** Runs the scenario once per step on one side, crashing at that step; returns what went wrong and where. */
async function crashAtEveryStep(side: (label: string) => boolean): Promise<string[]> {
  // Same seed for every run, so the run that crashes at step n takes the same steps as the dry run up to n.
  const { labels } = await runScenario(0, SEED);
  const failures: string[] = [];
  for (let step = 1; step <= labels.length; step++) {
    if (!side(labels[step - 1] ?? '')) continue;
    const { world, crashedAt = '?' } = await runScenario(step, SEED);
    const mismatch = describeMismatch(world);
    if (mismatch) failures.push(`crash at step ${step} (${crashedAt}): ${mismatch}`);
  }
  return failures;
}

const SEED = 3;

/** Each crash test runs the whole scenario about a hundred times; slow machines get room. */
const SLOW = 20_000;

const MATCHES = 'the ledger matches the payments database';

const onPaymentsSide = (label: string) => label.startsWith('payments:') || label.startsWith('broker:');
const onLedgerSide = (label: string) => label.startsWith('ledger:');

describe('the ledger tells the truth about payments', () => {
  it('matches the payments database when nothing crashes', async () => {
    const { world } = await runScenario(0);
    expect(describeMismatch(world) ?? MATCHES, 'with no crash at all, every committed payment change should reach the ledger').toBe(MATCHES);
  });

  it('matches the payments database however the partitions interleave (Kafka orders records only within a partition)', async () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const mismatch = describeMismatch((await runScenario(0, seed)).world);
      if (mismatch) wrong.push(`interleaving ${seed}: ${mismatch}`);
    }
    expect(wrong.slice(0, 2), `${wrong.length} of 10 interleavings of the same events left the ledger wrong, with no crash`).toEqual([]);
  });

  it('loses no event and invents none when the payments service crashes at any step', async () => {
    const failures = await crashAtEveryStep(onPaymentsSide);
    expect(
      failures.slice(0, 3),
      `${failures.length} crash point(s) left the ledger disagreeing with what committed (first ones shown)`,
    ).toEqual([]);
  }, SLOW);

  it('books every event exactly once when the consumer crashes at any step and the broker redelivers', async () => {
    const failures = await crashAtEveryStep(onLedgerSide);
    expect(
      failures.slice(0, 3),
      `${failures.length} crash point(s) left the ledger disagreeing with what committed (first ones shown)`,
    ).toEqual([]);
  }, SLOW);

  it('is unchanged when the whole topic is delivered again, every message twice, in another interleaving', async () => {
    for (const seed of [7, 8, 9]) {
      const { world } = await runScenario(0, seed);
      await redeliverEverything(world, seed * 31);
      expect(describeMismatch(world) ?? MATCHES, `after redelivering every message twice (seed ${seed})`).toBe(MATCHES);
    }
  });
});

describe('the relay during a broker outage', () => {
  it('keeps the events the broker refused and sends them on the next relay', async () => {
    const topic = new InMemoryTopic();
    let brokerDown = true;
    const flaky: Producer = {
      send: async (messages: readonly Message[]) => {
        if (brokerDown) throw new Error('broker unavailable');
        await topic.producer().send(messages);
      },
    };
    const payments = createPayments(new InMemoryDb('payments'), flaky);
    await payments.capture('p1', 500);

    await payments.relayOnce().catch(() => undefined);
    brokerDown = false;
    await payments.relayOnce();

    const sent = topic.partitions.flat().map((m) => (JSON.parse(m.value) as { eventId: string }).eventId);
    expect(sent, 'a refused send must leave the rows unpublished, or the outage drops the events').toEqual(['p1:v1']);
  });
});

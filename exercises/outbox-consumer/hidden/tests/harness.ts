/**
 * Runs the payments service, its relay and the ledger consumer against durable in-memory data, kills the
 * process at a chosen step, restarts it, and lets it finish. Deliveries are at-least-once and ordered
 * only within a partition: partitions are consumed in a shuffled interleaving.
 */
import type { LedgerRow, PaymentRow } from '../src/events';
import { Crash, InMemoryDb, InMemoryTopic, PARTITIONS, type Life, type Message, type Tables } from '../src/infra';
import { createLedgerConsumer, type LedgerConsumer } from '../src/ledger-consumer';
import { createPayments, type Payments } from '../src/payments';

type Command = { op: 'capture' | 'refund'; paymentId: string; amountCents: number };

const COMMANDS: Command[] = [
  { op: 'capture', paymentId: 'pay-1', amountCents: 10_000 },
  { op: 'capture', paymentId: 'pay-2', amountCents: 5_000 },
  { op: 'refund', paymentId: 'pay-1', amountCents: 3_000 },
  { op: 'capture', paymentId: 'pay-3', amountCents: 7_000 },
  { op: 'refund', paymentId: 'pay-2', amountCents: 5_000 },
  { op: 'refund', paymentId: 'pay-1', amountCents: 2_000 },
  { op: 'refund', paymentId: 'pay-2', amountCents: 100 }, // rejected: more than was captured
  { op: 'capture', paymentId: 'pay-1', amountCents: 999 }, // rejected: already captured
  { op: 'refund', paymentId: 'pay-3', amountCents: 1_000 },
];

/** mulberry32: a small seeded generator, so every failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface StepCounter {
  steps: number;
  crashAt: number;
  crashedAt?: string;
  /** Labels of the steps taken, in order (filled on runs that never crash). */
  labels?: string[];
}

class ScriptedLife implements Life {
  dead = false;
  constructor(private readonly counter: StepCounter) {}

  step(label: string): void {
    if (this.dead) throw new Crash('this process has crashed');
    this.counter.steps++;
    this.counter.labels?.push(label);
    if (this.counter.steps === this.counter.crashAt) {
      this.dead = true;
      this.counter.crashedAt = label;
      throw new Crash(`crashed at step ${this.counter.steps} (${label})`);
    }
  }
}

export interface World {
  paymentTables: Tables;
  ledgerTables: Tables;
  topic: InMemoryTopic;
  /** Committed consumer offset per partition. */
  offsets: number[];
}

export interface Outcome {
  world: World;
  /** The label of every step, in order; step n is labels[n - 1]. */
  labels: string[];
  crashedAt: string | undefined;
}

function newWorld(): World {
  return { paymentTables: new Map(), ledgerTables: new Map(), topic: new InMemoryTopic(), offsets: Array(PARTITIONS).fill(0) };
}

/** Delivers up to `count` messages, picking a random partition each time; commits the offset after each. */
async function consume(world: World, consumer: LedgerConsumer, life: ScriptedLife, random: () => number, count: number) {
  for (let i = 0; i < count; i++) {
    const ready = world.topic.partitions.flatMap((messages, p) => ((world.offsets[p] ?? 0) < messages.length ? [p] : []));
    if (ready.length === 0) return;
    const p = ready[Math.floor(random() * ready.length)] ?? 0;
    const message = world.topic.partitions[p]?.[world.offsets[p] ?? 0] as Message;
    await consumer.handle({ ...message });
    checkAlive(life);
    life.step('ledger: commit offset');
    world.offsets[p] = (world.offsets[p] ?? 0) + 1;
  }
}

/** A process that swallowed its own crash is still dead. */
function checkAlive(life: ScriptedLife): void {
  if (life.dead) throw new Crash('the process crashed (and the code caught it)');
}

async function runCommand(payments: Payments, command: Command, life: ScriptedLife): Promise<void> {
  try {
    await payments[command.op](command.paymentId, command.amountCents);
  } catch (error) {
    if (life.dead || (error as Error).name !== 'PaymentError') throw error;
  }
  checkAlive(life);
}

/** One full run: crash once at step `crashAt` (0: never), restart, and drive everything to the end. */
export async function runScenario(crashAt = 0, seed = 1): Promise<Outcome> {
  const world = newWorld();
  const counter: StepCounter = { steps: 0, crashAt, labels: [] };
  const random = seeded(seed);
  let next = 0;
  for (let incarnation = 0; incarnation < 3; incarnation++) {
    const life = new ScriptedLife(counter);
    const payments = createPayments(new InMemoryDb('payments', world.paymentTables, life), world.topic.producer(life));
    const consumer = createLedgerConsumer(new InMemoryDb('ledger', world.ledgerTables, life));
    try {
      while (next < COMMANDS.length) {
        const command = COMMANDS[next++] as Command; // a command cut short by a crash is not retried
        await runCommand(payments, command, life);
        await payments.relayOnce();
        checkAlive(life);
        await consume(world, consumer, life, random, Math.floor(random() * 3));
      }
      for (let i = 0; i < 50 && (await payments.relayOnce()) > 0; i++) checkAlive(life);
      checkAlive(life);
      await consume(world, consumer, life, random, Infinity);
      return { world, labels: counter.labels ?? [], crashedAt: counter.crashedAt };
    } catch (error) {
      if (!(error instanceof Crash) && !life.dead) throw error;
    }
  }
  throw new Error('the scenario did not finish after three restarts');
}

/** Redelivers the whole topic to a fresh consumer (a consumer-group reset), every message twice. */
export async function redeliverEverything(world: World, seed: number): Promise<void> {
  const life = new ScriptedLife({ steps: 0, crashAt: 0 });
  const consumer = createLedgerConsumer(new InMemoryDb('ledger', world.ledgerTables, life));
  const random = seeded(seed);
  const copy: World = { ...world, offsets: Array(PARTITIONS).fill(0) };
  const doubled = new InMemoryTopic();
  world.topic.partitions.forEach((messages, p) => messages.forEach((m) => doubled.partitions[p]?.push(m, m)));
  await consume({ ...copy, topic: doubled }, consumer, life, random, Infinity);
}

const amounts = (row: { capturedCents: number; refundedCents: number }) =>
  `captured ${row.capturedCents}, refunded ${row.refundedCents}`;

/** What committed in the payments database, and what the ledger booked, per payment. */
export function compare(world: World): { truth: Record<string, string>; ledger: Record<string, string> } {
  const truth: Record<string, string> = {};
  for (const row of (world.paymentTables.get('payments') ?? new Map()).values()) truth[(row as PaymentRow).id] = amounts(row as PaymentRow);
  const ledger: Record<string, string> = {};
  for (const row of (world.ledgerTables.get('ledger') ?? new Map()).values()) ledger[(row as LedgerRow).paymentId] = amounts(row as LedgerRow);
  return { truth, ledger };
}

export function describeMismatch(world: World): string | undefined {
  const { truth, ledger } = compare(world);
  const ids = [...new Set([...Object.keys(truth), ...Object.keys(ledger)])].sort();
  const wrong = ids.filter((id) => truth[id] !== ledger[id]);
  if (wrong.length === 0) return undefined;
  return wrong
    .map((id) => `${id}: payments committed ${truth[id] ?? 'nothing'}; the ledger booked ${ledger[id] ?? 'nothing'}`)
    .join(' | ');
}

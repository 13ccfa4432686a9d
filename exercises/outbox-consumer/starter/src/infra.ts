/**
 * In-memory stand-ins for a database and a Kafka topic, used by the test harness.
 *
 * Crashes: every operation below first calls `life.step(label)`. The harness uses that to kill the process
 * at any step it likes: the call throws `Crash`, every later call from the same process throws too, the
 * transaction in progress rolls back, and the harness starts a fresh process (new objects, empty memory)
 * on the same durable data. Committed rows and sent messages survive; nothing else does.
 */

export class Crash extends Error {
  override name = 'Crash';
}

/** One run of a process. The default never crashes. */
export interface Life {
  step(label: string): void;
}

export const immortal: Life = { step: () => undefined };

/** Durable tables: table name -> primary key -> row. Rows keep their insertion order. */
export type Tables = Map<string, Map<string, unknown>>;

export interface Tx {
  get<T>(table: string, key: string): T | undefined;
  /** Inserts or replaces; a replaced row keeps its place in `rows()` order. */
  put<T>(table: string, key: string, row: T): void;
  /** All rows of a table, oldest insert first. */
  rows<T>(table: string): T[];
}

export interface Db {
  /** Runs `work` in a transaction: committed if it resolves, rolled back if it throws (or the process dies). */
  transaction<T>(work: (tx: Tx) => Promise<T> | T): Promise<T>;
}

/** Rows are JSON data, copied on the way in and out: changing a row you read changes nothing until you put it. */
const copy = <T>(row: T): T => JSON.parse(JSON.stringify(row)) as T;

export class InMemoryDb implements Db {
  constructor(
    private readonly name: string,
    private readonly tables: Tables = new Map(),
    private readonly life: Life = immortal,
  ) {}

  async transaction<T>(work: (tx: Tx) => Promise<T> | T): Promise<T> {
    const step = (what: string): void => this.life.step(`${this.name}: ${what}`);
    step('begin');
    const staged: Tables = new Map();
    const table = (name: string): Map<string, unknown> => {
      let rows = staged.get(name);
      if (!rows) {
        rows = new Map(this.tables.get(name) ?? []);
        staged.set(name, rows);
      }
      return rows;
    };
    const tx: Tx = {
      get: <R>(name: string, key: string) => {
        step(`read ${name}`);
        const row = table(name).get(key);
        return row === undefined ? undefined : (copy(row) as R);
      },
      put: (name, key, row) => {
        step(`write ${name}`);
        table(name).set(key, copy(row));
      },
      rows: <R>(name: string) => {
        step(`scan ${name}`);
        return [...table(name).values()].map((row) => copy(row) as R);
      },
    };
    const result = await work(tx);
    step('commit');
    for (const [name, rows] of staged) this.tables.set(name, rows);
    step('committed');
    return result;
  }
}

/** A record on the topic. Kafka-style: the key picks the partition, so one key's records stay in order. */
export interface Message {
  key: string;
  value: string;
}

export interface Producer {
  /** Appends the messages to their partitions; resolves once the broker has them. */
  send(messages: readonly Message[]): Promise<void>;
}

export const PARTITIONS = 3;

export function partitionOf(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % PARTITIONS;
}

export class InMemoryTopic {
  readonly partitions: Message[][] = Array.from({ length: PARTITIONS }, () => []);

  producer(life: Life = immortal): Producer {
    return {
      send: async (messages) => {
        life.step('broker: send');
        for (const message of messages) this.partitions[partitionOf(message.key)]?.push({ ...message });
        life.step('broker: sent');
      },
    };
  }
}

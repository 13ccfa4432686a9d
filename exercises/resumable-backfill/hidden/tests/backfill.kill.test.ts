import { describe, expect, it } from 'vitest';
import { backfill } from '../src/backfill';
import { MAX_ROWS_PER_STATEMENT } from '../src/db';
import { FakeDb, Killed, paymentRows } from '../src/fake-db';

const ROWS = 1_050;
const BATCH = 200;
const cents: Record<string, number> = { '19.99': 1999, '0.29': 29, '4.35': 435, '100': 10000, '0.1': 10, '12.5': 1250 };
const expected = (amount: string | null): number | null => (amount === null ? null : (cents[amount] ?? NaN));

/** Runs the job, restarting it after every kill, until it finishes; returns how many times it was killed. */
async function runUntilDone(db: FakeDb): Promise<number> {
  for (let kills = 0; kills < 50; kills += 1) {
    try {
      await backfill(db, db, BATCH);
      return kills;
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      db.killAt = undefined; // one kill per scenario; the restarted job runs to the end
    }
  }
  throw new Error('the job never finished');
}

/** How many calls a run without kills makes: the harness kills at each of them in turn. */
async function callsOfACleanRun(): Promise<number> {
  const db = new FakeDb(paymentRows(ROWS));
  await backfill(db, db, BATCH);
  return db.calls;
}

function wrongRows(db: FakeDb): string[] {
  return [...db.rows.values()]
    .filter((r) => r.amountCents !== expected(r.amount))
    .map((r) => `#${r.id}: ${String(r.amount)} → ${String(r.amountCents)}`);
}

describe('a backfill the harness kills at every step', () => {
  it('converts amounts exactly, from the digits: 19.99 is 1999, 0.29 is 29, null stays null', async () => {
    const db = new FakeDb(paymentRows(ROWS));
    await backfill(db, db, BATCH);
    expect(wrongRows(db).slice(0, 5)).toEqual([]);
  });

  it('never runs a statement over the row limit, even when asked for bigger batches', async () => {
    const db = new FakeDb(paymentRows(ROWS));
    await backfill(db, db, 5_000);
    expect(db.largestStatement).toBeLessThanOrEqual(MAX_ROWS_PER_STATEMENT);
  });

  it('never locks the table: payments keep being written while it runs', async () => {
    const db = new FakeDb(paymentRows(ROWS));
    await backfill(db, db, BATCH);
    expect(db.tableLocks).toBe(0);
  });

  it('ends with every row right, whichever call it is killed at, before or after that call commits', async () => {
    const calls = await callsOfACleanRun();
    const failures: string[] = [];
    for (let call = 1; call <= calls; call += 1) {
      for (const when of ['before', 'after'] as const) {
        const db = new FakeDb(paymentRows(ROWS));
        db.killAt = { call, when };
        await runUntilDone(db);
        const wrong = wrongRows(db);
        if (wrong.length > 0) failures.push(`killed ${when} call ${call}: ${wrong.length} rows wrong, e.g. ${wrong[0]}`);
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('resumes where it stopped: a kill costs at most one batch of redone work', async () => {
    const calls = await callsOfACleanRun();
    const worst: string[] = [];
    for (let call = 1; call <= calls; call += 1) {
      const db = new FakeDb(paymentRows(ROWS));
      db.killAt = { call, when: 'after' };
      await runUntilDone(db);
      if (db.rowUpdates > ROWS + BATCH) worst.push(`killed after call ${call}: ${db.rowUpdates} row updates for ${ROWS} rows`);
    }
    expect(worst.slice(0, 3)).toEqual([]);
  });
});

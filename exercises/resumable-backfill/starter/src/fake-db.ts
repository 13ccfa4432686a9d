import { MAX_ROWS_PER_STATEMENT, type Checkpoints, type Db, type Row } from './db';

/** Thrown by the fake when the harness kills the job. */
export class Killed extends Error {}

/**
 * An in-memory payments table with a checkpoint store, which records what a DBA would watch: the largest
 * statement, table locks, and how many row updates were done in all (redone batches count again). With
 * `killAt`, the n-th call (1-based) to the database or the checkpoint store kills the job, either before the
 * call takes effect or after it committed and before the job hears back.
 */
export class FakeDb implements Db, Checkpoints {
  rows: Map<number, Row>;
  largestStatement = 0;
  tableLocks = 0;
  rowUpdates = 0;
  calls = 0;
  private checkpoint: number | undefined;
  killAt: { call: number; when: 'before' | 'after' } | undefined;

  constructor(rows: Row[]) {
    this.rows = new Map(rows.map((r) => [r.id, { ...r }]));
  }

  private step<T>(effect: () => T): T {
    this.calls += 1;
    const kill = this.killAt !== undefined && this.killAt.call === this.calls;
    if (kill && this.killAt?.when === 'before') throw new Killed(`killed before call ${this.calls}`);
    const result = effect();
    if (kill) throw new Killed(`killed after call ${this.calls}`);
    return result;
  }

  selectAfter(afterId: number, limit: number): Promise<Row[]> {
    return Promise.resolve(
      this.step(() =>
        [...this.rows.values()]
          .filter((r) => r.id > afterId)
          .sort((a, b) => a.id - b.id)
          .slice(0, limit)
          .map((r) => ({ ...r })),
      ),
    );
  }

  setAmountCents(updates: { id: number; amountCents: number | null }[]): Promise<void> {
    return Promise.resolve(
      this.step(() => {
        this.largestStatement = Math.max(this.largestStatement, updates.length);
        if (updates.length > MAX_ROWS_PER_STATEMENT) {
          throw new Error(`one statement locked ${updates.length} rows; the limit is ${MAX_ROWS_PER_STATEMENT}`);
        }
        for (const u of updates) {
          const row = this.rows.get(u.id);
          if (row) row.amountCents = u.amountCents;
        }
        this.rowUpdates += updates.length;
      }),
    );
  }

  lockTable(): Promise<void> {
    return Promise.resolve(this.step(() => void (this.tableLocks += 1)));
  }

  load(): Promise<number | undefined> {
    return Promise.resolve(this.step(() => this.checkpoint));
  }

  save(lastId: number): Promise<void> {
    return Promise.resolve(this.step(() => void (this.checkpoint = lastId)));
  }
}

/** `count` payments with ids 1..count; every 7th has a null amount, and amounts include float traps. */
export function paymentRows(count: number): Row[] {
  const traps = ['19.99', '0.29', '4.35', '100', '0.1', '12.5'];
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    amount: (i + 1) % 7 === 0 ? null : (traps[i % traps.length] ?? '1.00'),
  }));
}

import { describe, expect, it } from 'vitest';
import { backfill } from './backfill';
import { FakeDb } from './fake-db';

describe('a backfill that nobody interrupts', () => {
  it('fills amountCents from amount for every row', async () => {
    const db = new FakeDb([
      { id: 1, amount: '25.00' },
      { id: 2, amount: '3.50' },
      { id: 3, amount: null },
    ]);
    await backfill(db, db, 2);
    expect([...db.rows.values()].map((r) => r.amountCents)).toEqual([2500, 350, null]);
  });
});

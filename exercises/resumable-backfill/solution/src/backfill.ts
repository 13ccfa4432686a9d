import { MAX_ROWS_PER_STATEMENT, type Checkpoints, type Db } from './db';

/**
 * Fills `amountCents` from `amount` for every row, in batches, so that:
 *
 * - no statement touches more than MAX_ROWS_PER_STATEMENT rows, and the table is never locked;
 * - the job can be killed at any point and started again: it resumes after the last batch it recorded,
 *   redoing at most the batch it was in, and redoing a batch gives the same result;
 * - "19.99" becomes 1999 exactly, and a null amount stays null.
 */
export async function backfill(db: Db, checkpoints: Checkpoints, batchSize = 200): Promise<void> {
  const size = Math.min(batchSize, MAX_ROWS_PER_STATEMENT);
  let after = (await checkpoints.load()) ?? 0;
  for (;;) {
    const rows = await db.selectAfter(after, size);
    if (rows.length === 0) return;
    // Computed from the old column only, so a batch redone after a crash writes the same values.
    await db.setAmountCents(rows.map((row) => ({ id: row.id, amountCents: toCents(row.amount) })));
    after = rows[rows.length - 1]?.id ?? after;
    // Recorded after the write: a crash in between redoes this batch, never skips it.
    await checkpoints.save(after);
  }
}

/** "19.99" → 1999 from the digits, never through floating point (19.99 * 100 is 1998.9999999999998). */
function toCents(amount: string | null): number | null {
  if (amount === null) return null;
  const [whole = '0', fraction = ''] = amount.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)));
}

/**
 * The `payments` table during an expand/contract migration: `amount` is the old column (a decimal string
 * such as "19.99", or null), `amountCents` the new integer column. The application already writes both
 * for new payments; the backfill fills `amountCents` for the 40 million old rows.
 */
export interface Row {
  id: number;
  amount: string | null;
  /** Undefined until backfilled; null when `amount` is null. */
  amountCents?: number | null;
}

/** The largest statement the production database may run without holding row locks for too long. */
export const MAX_ROWS_PER_STATEMENT = 500;

export interface Db {
  /** Up to `limit` rows with `id > afterId`, in ascending id order (an index range scan). */
  selectAfter(afterId: number, limit: number): Promise<Row[]>;
  /** One UPDATE statement: sets `amountCents` on these rows, locking them until it commits. */
  setAmountCents(updates: { id: number; amountCents: number | null }[]): Promise<void>;
  /** LOCK TABLE: blocks every payment write until the job ends. A backfill never needs it. */
  lockTable(): Promise<void>;
}

/** Where the job records its progress; it survives a crash of the job. */
export interface Checkpoints {
  /** The last id the job recorded as done, or undefined on the first run. */
  load(): Promise<number | undefined>;
  save(lastId: number): Promise<void>;
}

import { sql, type Kysely } from 'kysely';
import { newId } from '../auth/tokens.ts';
import type { Store } from '../store/database.ts';
import type { Database, GradingJobTable } from '../store/schema.ts';
import type { FailureSignature } from '../../runtime/report/failure-signatures.ts';
import { recordSignatures } from '../review/signatures.ts';

/**
 * The grading queue, in the database so it survives a SIGKILL of any process and is shared by every
 * grader on one PostgreSQL. A claimed job carries a lease; a grader that dies stops renewing it, and once
 * it has expired the next claim takes the job again. Claims are atomic: `FOR UPDATE SKIP LOCKED` on
 * PostgreSQL (graders skip each other's rows instead of waiting), and on SQLite one UPDATE … RETURNING,
 * which the database's single writer serialises.
 */

/** Attempts after which a job that keeps crashing its grader is given up as failed. */
export const MAX_ATTEMPTS = 3;

/**
 * Adds a job unless the submission already has one for this content hash; true when one was added. Takes
 * a transaction, so a submission and its job are committed together or not at all.
 */
export async function enqueue(db: Kysely<Database>, submissionId: string, contentHash: string): Promise<boolean> {
  const now = new Date().toISOString();
  const enqueuedAt = queueTime();
  const result = await db
    .insertInto('grading_job')
    .values({
      id: newId(),
      submission_id: submissionId,
      content_hash: contentHash,
      status: 'queued',
      lease_owner: null,
      lease_expires_at: null,
      attempts: 0,
      last_error: null,
      enqueued_at: enqueuedAt,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['submission_id', 'content_hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

let lastQueueTime = 0;

/**
 * Queue order: the enqueue time, strictly increasing within this process so two submissions in one
 * millisecond keep their order (ties between processes are simultaneous, and broken by id).
 */
function queueTime(): string {
  lastQueueTime = Math.max(Date.now(), lastQueueTime + 1);
  return new Date(lastQueueTime).toISOString();
}

/** Takes the oldest job that is queued or whose lease has expired, for `leaseMs`; undefined when none. */
export async function claim(store: Store, owner: string, leaseMs: number): Promise<GradingJobTable | undefined> {
  const now = new Date();
  const nowIso = now.toISOString();
  const expires = new Date(now.getTime() + leaseMs).toISOString();
  // A job whose graders all died mid-run (the run took the machine down, say) is not retried forever.
  await store.db
    .updateTable('grading_job')
    .set({
      status: 'failed',
      lease_owner: null,
      lease_expires_at: null,
      last_error: `The grader stopped during each of ${MAX_ATTEMPTS} attempts.`,
      updated_at: nowIso,
    })
    .where('status', '=', 'running')
    .where('lease_expires_at', '<', nowIso)
    .where('attempts', '>=', MAX_ATTEMPTS)
    .execute();
  const pending = store.db
    .selectFrom('grading_job')
    .select('id')
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', nowIso)])]),
    )
    .orderBy('enqueued_at')
    .orderBy('id')
    .limit(1);
  const picked = store.kind === 'postgres' ? pending.forUpdate().skipLocked() : pending;
  const row = await store.db
    .updateTable('grading_job')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_expires_at: expires,
      attempts: eb('attempts', '+', 1),
      updated_at: nowIso,
    }))
    .where('id', '=', picked)
    .returningAll()
    .executeTakeFirst();
  return row;
}

/** Extends a lease this grader still holds; false when another grader has taken the job meanwhile. */
export async function renew(store: Store, jobId: string, owner: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const result = await store.db
    .updateTable('grading_job')
    .set({ lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() })
    .where('id', '=', jobId)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface FinishedReport {
  submissionId: string;
  contentHash: string;
  engineVersions: Record<string, string>;
  report: unknown;
  verdict: string;
  mismatch: string[];
  /** The report's failure signatures, stored beside it for reach counts and signature comments. */
  signatures: readonly FailureSignature[];
}

/**
 * Stores the report and closes the job in one transaction. The report insert is a no-op when the
 * submission already has one for this hash (a grader whose lease expired finishing after its successor),
 * so each submission and content hash gets exactly one final report.
 */
export async function finish(
  store: Store,
  job: GradingJobTable,
  owner: string,
  out: FinishedReport,
): Promise<{ stored: boolean }> {
  const now = new Date().toISOString();
  const reportId = newId();
  return store.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('server_report')
      .values({
        id: reportId,
        submission_id: out.submissionId,
        content_hash: out.contentHash,
        engine_versions: JSON.stringify(out.engineVersions),
        report: JSON.stringify(out.report),
        verdict: out.verdict,
        mismatch: JSON.stringify(out.mismatch),
        graded_by: owner,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['submission_id', 'content_hash']).doNothing())
      .executeTakeFirst();
    const stored = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    // Only the report that was kept gets signatures; a late duplicate's would belong to no stored report.
    if (stored) await recordSignatures(trx, reportId, out.submissionId, out.signatures, now);
    await trx
      .updateTable('grading_job')
      .set({ status: 'done', lease_owner: null, lease_expires_at: null, last_error: null, updated_at: now })
      .where('id', '=', job.id)
      .execute();
    return { stored };
  });
}

/** Records a grader-side failure; the job goes back to the queue until MAX_ATTEMPTS, then stays failed. */
export async function fail(store: Store, job: GradingJobTable, owner: string, error: string): Promise<void> {
  await store.db
    .updateTable('grading_job')
    .set({
      status: job.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
      lease_owner: null,
      lease_expires_at: null,
      last_error: error.slice(0, 500),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', job.id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Jobs graded before `job` (queued or running ones enqueued earlier); 0 when it is next or running. */
export async function queuePosition(store: Store, job: Pick<GradingJobTable, 'status' | 'enqueued_at' | 'id'>) {
  if (job.status !== 'queued') return 0;
  const row = await store.db
    .selectFrom('grading_job')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('status', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.or([
        eb('enqueued_at', '<', job.enqueued_at),
        eb.and([eb('enqueued_at', '=', job.enqueued_at), eb('id', '<', job.id)]),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.ahead ?? 0);
}

/** Counts by state, for the benchmark and the admin page. */
export async function queueCounts(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('grading_job')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

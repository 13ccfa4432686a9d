import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/server/auth/tokens.ts';
import { openStore, type Store } from '../../../src/server/store/database.ts';
import { claim, enqueue, fail, finish, MAX_ATTEMPTS, queuePosition, renew } from '../../../src/server/grading/queue.ts';
import { TEST_DATABASES } from './stores.ts';

/** The queue's guarantees on a real database: each job to one grader at a time, retried after a lease, graded once. */
describe.each(TEST_DATABASES)('the grading queue on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let assignment: string;
  let user: string;

  beforeAll(async () => {
    const made = await database.create();
    dispose = made.dispose;
    store = await openStore(made.target);
    const now = new Date().toISOString();
    user = newId();
    assignment = newId();
    const cohort = newId();
    await store.db
      .insertInto('user')
      .values({
        id: user,
        name: 'Lea',
        email: 'lea@example.com',
        emailVerified: store.kind === 'postgres' ? false : 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await store.db
      .insertInto('cohort')
      .values({
        id: cohort,
        organisation_id: 'team',
        name: 'c',
        auto_join_domain: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await store.db
      .insertInto('assignment')
      .values({
        id: assignment,
        cohort_id: cohort,
        title: 't',
        mode: 'assessed',
        opens_at: now,
        due_at: now,
        cutoff_at: null,
        note: '',
        created_by: user,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => {
    await store.close();
    await dispose();
  });

  let revision = 0;
  async function submission(): Promise<string> {
    const id = newId();
    const now = new Date().toISOString();
    await store.db
      .insertInto('submission')
      .values({
        id,
        assignment_id: assignment,
        user_id: user,
        exercise: 'lint-gate',
        revision: ++revision,
        files: '{}',
        browser_report: null,
        content_hash: 'h1',
        engine_versions: '{}',
        submitted_at: now,
        late: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }
  const report = (submissionId: string, contentHash = 'h1') => ({
    submissionId,
    contentHash,
    engineVersions: {},
    report: {},
    verdict: 'pass',
    mismatch: [],
    signatures: [],
  });
  async function drainQueue(): Promise<void> {
    await store.db.updateTable('grading_job').set({ status: 'done' }).where('status', '!=', 'done').execute();
  }

  it('gives each of 40 jobs to exactly one of 8 graders claiming at once', async () => {
    await drainQueue();
    const ids = await Promise.all(Array.from({ length: 40 }, () => submission()));
    for (const id of ids) await enqueue(store.db, id, 'h1');
    const claimed: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, g) => {
        for (;;) {
          const job = await claim(store, `grader-${g}`, 60_000);
          if (!job) return;
          claimed.push(job.submission_id);
        }
      }),
    );
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it('enqueues a submission once per content hash, and again for a new hash (a regrade)', async () => {
    const id = await submission();
    expect(await enqueue(store.db, id, 'h1')).toBe(true);
    expect(await enqueue(store.db, id, 'h1')).toBe(false);
    expect(await enqueue(store.db, id, 'h2')).toBe(true);
  });

  it('hands a job whose lease expired to another grader, and keeps one report when both finish', async () => {
    await drainQueue();
    const id = await submission();
    await enqueue(store.db, id, 'h1');
    const first = await claim(store, 'crashed', 1);
    expect(first?.submission_id).toBe(id);
    // While the lease holds, nobody else gets it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await claim(store, 'successor', 60_000);
    expect(second).toMatchObject({ id: first?.id, attempts: 2, lease_owner: 'successor' });
    expect(await renew(store, first?.id ?? '', 'crashed', 60_000)).toBe(false);
    expect(await renew(store, first?.id ?? '', 'successor', 60_000)).toBe(true);
    if (!first || !second) throw new Error('no job');
    await finish(store, second, 'successor', report(id));
    // The first grader was only slow, not dead, and finishes too: no second report.
    await finish(store, first, 'crashed', { ...report(id), verdict: 'fail' });
    const reports = await store.db
      .selectFrom('server_report')
      .select('verdict')
      .where('submission_id', '=', id)
      .execute();
    expect(reports).toEqual([{ verdict: 'pass' }]);
    expect(await claim(store, 'anyone', 60_000)).toBeUndefined();
  });

  it('does not hand out a job whose lease is still held', async () => {
    await drainQueue();
    const id = await submission();
    await enqueue(store.db, id, 'h1');
    expect(await claim(store, 'a', 60_000)).toBeDefined();
    expect(await claim(store, 'b', 60_000)).toBeUndefined();
  });

  it('retries a job whose grader failed, and gives up after the last attempt', async () => {
    await drainQueue();
    const id = await submission();
    await enqueue(store.db, id, 'h1');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const job = await claim(store, 'g', 60_000);
      expect(job?.attempts).toBe(attempt);
      if (job) await fail(store, job, 'g', 'exercise folder unreadable');
    }
    expect(await claim(store, 'g', 60_000)).toBeUndefined();
    const job = await store.db.selectFrom('grading_job').selectAll().where('submission_id', '=', id).executeTakeFirst();
    expect(job).toMatchObject({ status: 'failed', last_error: 'exercise folder unreadable' });
  });

  it('gives up a job whose graders died during every attempt', async () => {
    await drainQueue();
    const id = await submission();
    await enqueue(store.db, id, 'h1');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await claim(store, `killed-${attempt}`, 1))?.attempts).toBe(attempt);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await claim(store, 'next', 60_000)).toBeUndefined();
    const job = await store.db.selectFrom('grading_job').selectAll().where('submission_id', '=', id).executeTakeFirst();
    expect(job).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/stopped during each/) });
  });

  it('counts the jobs ahead of a queued one', async () => {
    await drainQueue();
    const ids = [await submission(), await submission(), await submission()];
    for (const id of ids) await enqueue(store.db, id, 'h1');
    const jobs = await store.db.selectFrom('grading_job').selectAll().where('submission_id', 'in', ids).execute();
    const positions = await Promise.all(
      ids.map((id) => {
        const job = jobs.find((j) => j.submission_id === id);
        if (!job) throw new Error(`no job for ${id}`);
        return queuePosition(store, job);
      }),
    );
    expect(positions).toEqual([0, 1, 2]);
  });
});

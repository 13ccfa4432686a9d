import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncState } from '../../../src/shared-api/team-api.ts';
import { purgeExpired } from '../../../src/server/store/synced-records.ts';
import { startHarness, signUp, tokenOf, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

const work = (exercise: string, text: string, updatedAt: string) => ({
  version: 1 as const,
  exercise,
  files: { 'src/index.ts': text },
  updatedAt,
});

describe.each(TEST_DATABASES)('progress sync on $name', (database) => {
  let h: Harness;
  let owner: Client;
  let learner: Client;
  let other: Client;

  beforeAll(async () => {
    h = await startHarness(database);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
    const cohort = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'A' })).body.id;
    const url = (
      await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort}/invitations`, {
        role: 'learner',
        expiresInDays: 1,
        maxUses: 2,
      })
    ).body.url;
    learner = h.client();
    await signUp(learner, 'lea@example.com', tokenOf(url));
    other = h.client();
    await signUp(other, 'olu@example.com', tokenOf(url));
  });
  afterAll(async () => h.close());

  it('merges two browsers exercise by exercise: newer wins, a pass is never lost', async () => {
    const laptop: SyncState = {
      progress: {
        version: 1,
        exercises: {
          refund: {
            status: 'passed',
            attempts: 3,
            passedAt: '2026-11-01T10:00:00.000Z',
            lastAttemptAt: '2026-11-01T10:00:00.000Z',
          },
          cache: { status: 'in-progress', attempts: 1, lastAttemptAt: '2026-11-03T09:00:00.000Z' },
        },
      },
      work: {
        refund: work('refund', 'laptop, older', '2026-11-01T10:00:00.000Z'),
        cache: work('cache', 'laptop, newer', '2026-11-03T09:00:00.000Z'),
      },
    };
    expect((await learner.json('POST', '/api/sync', laptop)).status).toBe(200);
    // The phone was offline: its refund edit is newer, its cache copy older, and it never passed refund.
    const phone: SyncState = {
      progress: {
        version: 1,
        exercises: { refund: { status: 'in-progress', attempts: 5, lastAttemptAt: '2026-11-02T08:00:00.000Z' } },
      },
      work: {
        refund: work('refund', 'phone, newer', '2026-11-02T08:00:00.000Z'),
        cache: work('cache', 'phone, older', '2026-11-02T07:00:00.000Z'),
      },
    };
    const merged = await learner.json<SyncState>('POST', '/api/sync', phone);
    expect(merged.body.work['refund']?.files['src/index.ts']).toBe('phone, newer');
    expect(merged.body.work['cache']?.files['src/index.ts']).toBe('laptop, newer');
    expect(merged.body.progress.exercises['refund']).toEqual({
      status: 'passed',
      attempts: 5,
      passedAt: '2026-11-01T10:00:00.000Z',
      lastAttemptAt: '2026-11-02T08:00:00.000Z',
    });
    expect((await learner.json<SyncState>('GET', '/api/sync')).body).toEqual(merged.body);
  });

  it('keeps each learner’s records to themselves', async () => {
    const theirs = await other.json<SyncState>('GET', '/api/sync');
    expect(theirs.body).toEqual({ progress: { version: 1, exercises: {} }, work: {} });
    const summary = await owner.json<{ learners: { name: string; passed: number; inProgress: number }[] }>(
      'GET',
      `/api/cohorts/${(await owner.json<{ cohorts: { id: string }[] }>('GET', '/api/cohorts')).body.cohorts[0]?.id}/progress`,
    );
    expect(summary.body.learners).toEqual([
      expect.objectContaining({ name: 'lea', passed: 1, inProgress: 1 }),
      expect.objectContaining({ name: 'olu', passed: 0, inProgress: 0 }),
    ]);
  });

  it('keeps review cards and the progress page’s fields: the card answered last wins', async () => {
    const card = (step: number, updatedAt: string) => ({
      exercise: 'refund',
      check: 'mutants',
      checkTitle: 'Your tests catch the mutants',
      kind: 'mutant' as const,
      wrong: 'Drops the cap on refunds',
      seenAt: '2026-11-01T09:00:00.000Z',
      fixedAt: '2026-11-01T10:00:00.000Z',
      step,
      dueAt: '2026-11-05T10:00:00.000Z',
      reviews: step,
      correct: step,
      updatedAt,
    });
    const id = 'refund/mutants/item:no-cap';
    const exercise = {
      status: 'in-progress' as const,
      attempts: 2,
      lastAttemptAt: '2026-11-04T10:00:00.000Z',
      firstAttemptAt: '2026-11-01T09:00:00.000Z',
      hintsUsed: 2,
      solutionViewedAt: '2026-11-01T09:30:00.000Z',
      failing: { lint: 'Lint gate' },
    };
    const laptop: SyncState = {
      progress: {
        version: 1,
        exercises: { 'adr-cache': exercise },
        reviews: { [id]: card(2, '2026-11-04T10:00:00.000Z') },
      },
      work: {},
    };
    expect((await other.json('POST', '/api/sync', laptop)).status).toBe(200);
    const phone: SyncState = {
      progress: { version: 1, exercises: {}, reviews: { [id]: card(1, '2026-11-02T10:00:00.000Z') } },
      work: {},
    };
    const merged = await other.json<SyncState>('POST', '/api/sync', phone);
    expect(merged.body.progress.reviews?.[id]?.step).toBe(2);
    const stored = (await other.json<SyncState>('GET', '/api/sync')).body;
    expect(stored.progress.reviews?.[id]).toEqual(card(2, '2026-11-04T10:00:00.000Z'));
    expect(stored.progress.exercises['adr-cache']).toEqual(exercise);
  });

  it('refuses a work record filed under another exercise’s key', async () => {
    const res = await learner.json('POST', '/api/sync', {
      progress: { version: 1, exercises: {} },
      work: { cache: work('refund', 'x', '2030-01-01T00:00:00.000Z') },
    });
    expect(res).toMatchObject({ status: 400, body: { field: 'work.cache.exercise' } });
    expect((await learner.json<SyncState>('GET', '/api/sync')).body.work['cache']?.files['src/index.ts']).toBe(
      'laptop, newer',
    );
  });

  it('exports everything about me: an importable backup plus the server’s rows', async () => {
    const res = await learner.json<{
      backup: { format: string; work: object };
      server: { account: { email: string }; memberships: unknown[] };
    }>('GET', '/api/me/export');
    expect(res.body.backup.format).toBe('craftpath-backup');
    expect(Object.keys(res.body.backup.work).sort()).toEqual(['cache', 'refund']);
    expect(res.body.server.account.email).toBe('lea@example.com');
    expect(res.body.server.memberships).toHaveLength(1);
  });

  it('drops records past the retention period the owner set, and deleting an account removes its rows', async () => {
    expect((await owner.json('PATCH', '/api/organisation', { retentionDays: 30 })).status).toBe(200);
    expect(await purgeExpired(h.store)).toBe(0);
    expect(await purgeExpired(h.store, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(0);
    await learner.json('POST', '/api/sync', {
      progress: { version: 1, exercises: {} },
      work: { x: work('x', 'y', '2026-11-05T00:00:00.000Z') },
    });
    expect((await learner.json('DELETE', '/api/me')).status).toBe(200);
    expect(await h.store.db.selectFrom('synced_record').selectAll().execute()).toEqual([]);
    expect((await learner.json('GET', '/api/sync')).status).toBe(401);
  });
});

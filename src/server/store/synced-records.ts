import { PROGRESS_VERSION, parseProgress, type ExerciseProgress } from '../../runtime/storage/progress.ts';
import { reviewCardSchema } from '../../runtime/review/review-card.ts';
import { savedWorkSchema } from '../../runtime/storage/saved-work.ts';
import { mergeStates, type SyncedState } from '../../runtime/sync/merge-records.ts';
import type { Store } from './database.ts';
import type { SyncedKind } from './schema.ts';

/** The learner's synced records as the browser's shapes. */
export async function readSynced(store: Store, userId: string): Promise<SyncedState> {
  const rows = await store.db
    .selectFrom('synced_record')
    .select(['kind', 'name', 'body'])
    .where('user_id', '=', userId)
    .execute();
  const state: SyncedState = { progress: { version: PROGRESS_VERSION, exercises: {} }, work: {} };
  for (const row of rows) {
    const body = JSON.parse(row.body) as unknown;
    if (row.kind === 'progress') {
      const parsed = parseProgress({ version: PROGRESS_VERSION, exercises: { [row.name]: body } });
      const entry = parsed?.exercises[row.name];
      if (entry) state.progress.exercises[row.name] = entry;
    } else if (row.kind === 'work') {
      const parsed = savedWorkSchema.safeParse(body);
      if (parsed.success) state.work[row.name] = parsed.data;
    } else if (row.kind === 'lesson') {
      const parsed = parseProgress({ version: PROGRESS_VERSION, exercises: {}, lastLesson: body });
      if (parsed?.lastLesson) state.progress.lastLesson = parsed.lastLesson;
    } else if (row.kind === 'review') {
      const parsed = reviewCardSchema.safeParse(body);
      if (parsed.success) state.progress.reviews = { ...state.progress.reviews, [row.name]: parsed.data };
    }
  }
  return state;
}

/**
 * Merges an upload into what the server holds and stores the result, one row per exercise. The upsert
 * only replaces a row whose record time is older than the incoming one, so of two concurrent uploads
 * the newer record wins in the database itself, whichever request commits last.
 */
export async function mergeSynced(store: Store, userId: string, incoming: SyncedState): Promise<SyncedState> {
  return store.db.transaction().execute(async (trx) => {
    const scoped = { ...store, db: trx };
    const merged = mergeStates(await readSynced(scoped, userId), incoming);
    const now = new Date().toISOString();
    const rows: { kind: SyncedKind; name: string; body: unknown; record_at: string }[] = [
      ...Object.entries(merged.progress.exercises).map(([name, p]: [string, ExerciseProgress]) => ({
        kind: 'progress' as const,
        name,
        body: p,
        record_at: p.lastAttemptAt,
      })),
      ...Object.entries(merged.work).map(([name, w]) => ({
        kind: 'work' as const,
        name,
        body: w,
        record_at: w.updatedAt,
      })),
      ...Object.entries(merged.progress.reviews ?? {}).map(([name, card]) => ({
        kind: 'review' as const,
        name,
        body: card,
        record_at: card.updatedAt,
      })),
      ...(merged.progress.lastLesson
        ? [
            {
              kind: 'lesson' as const,
              name: '',
              body: merged.progress.lastLesson,
              record_at: merged.progress.lastLesson.at,
            },
          ]
        : []),
    ];
    for (const row of rows) {
      await trx
        .insertInto('synced_record')
        .values({ user_id: userId, ...row, body: JSON.stringify(row.body), created_at: now, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'kind', 'name'])
            .doUpdateSet((eb) => ({
              body: eb.ref('excluded.body'),
              record_at: eb.ref('excluded.record_at'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where((eb) => eb('synced_record.record_at', '<=', eb.ref('excluded.record_at'))),
        )
        .execute();
    }
    return merged;
  });
}

/** Drops synced records unchanged for longer than the organisation's retention period. */
export async function purgeExpired(store: Store, now = new Date()): Promise<number> {
  const org = await store.db.selectFrom('organisation').select('retention_days').executeTakeFirst();
  if (!org?.retention_days) return 0;
  const cutoff = new Date(now.getTime() - org.retention_days * 86_400_000).toISOString();
  const result = await store.db.deleteFrom('synced_record').where('updated_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

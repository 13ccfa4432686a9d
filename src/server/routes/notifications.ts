import type { Hono } from 'hono';
import { markReadSchema, notificationListSchema } from '../../shared-api/review-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { readJson, reply } from '../http.ts';
import { requireViewer } from '../auth/access.ts';
import type { Store } from '../store/database.ts';

/** The list shows this many; older ones stay stored and still count as unread until read. */
export const NOTIFICATION_PAGE = 50;

/**
 * The caller's own in-site notifications (notify() writes them). Every query is bound to the signed-in
 * user: ids of someone else's notifications are ignored when marking read, never an error that would
 * tell the caller they exist.
 */
export function notificationRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.get('/api/notifications', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    return reply(c, notificationListSchema, await notificationList(store, viewer.id));
  });

  /** Answers with the list as it is after marking, so the header updates from one round trip. */
  app.post('/api/notifications/read', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const { ids } = await readJson(c, markReadSchema);
    const now = new Date().toISOString();
    let update = store.db
      .updateTable('notification')
      .set({ read_at: now, updated_at: now })
      .where('user_id', '=', viewer.id)
      .where('read_at', 'is', null);
    if (ids) {
      if (ids.length === 0) return reply(c, notificationListSchema, await notificationList(store, viewer.id));
      update = update.where('id', 'in', ids);
    }
    await update.execute();
    return reply(c, notificationListSchema, await notificationList(store, viewer.id));
  });
}

async function notificationList(store: Store, userId: string) {
  const [rows, unread] = await Promise.all([
    store.db
      .selectFrom('notification')
      .select(['id', 'kind', 'summary', 'link', 'read_at', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(NOTIFICATION_PAGE)
      .execute(),
    store.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst(),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      summary: r.summary,
      link: r.link,
      read: r.read_at !== null,
      createdAt: r.created_at,
    })),
    unread: Number(unread?.n ?? 0),
  };
}

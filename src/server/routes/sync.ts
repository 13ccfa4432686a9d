import type { Hono } from 'hono';
import { syncStateSchema } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, readJson, reply, SYNC_BODY_LIMIT } from '../http.ts';
import { requireViewer } from '../auth/access.ts';
import { mergeSynced, readSynced } from '../store/synced-records.ts';

/** The signed-in learner's own progress and saved code; nobody else's is reachable here. */
export function syncRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  app.get('/api/sync', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    c.header('Cache-Control', 'no-store');
    return reply(c, syncStateSchema, await readSynced(deps.store, viewer.id));
  });

  app.post('/api/sync', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const body = await readJson(c, syncStateSchema, SYNC_BODY_LIMIT);
    for (const [slug, record] of Object.entries(body.work)) {
      if (record.exercise !== slug)
        throw new HttpError(400, `work.${slug}.exercise: must equal its key`, `work.${slug}.exercise`);
    }
    return reply(c, syncStateSchema, await mergeSynced(deps.store, viewer.id, body));
  });
}

import type { Hono } from 'hono';
import { sessionSchema, type SessionInfo } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { reply } from '../http.ts';
import { ORGANISATION_ID } from '../auth/access.ts';

/** GET /api/session: how the static site discovers the server, and who is signed in. */
export function sessionRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  app.get('/api/session', async (c) => {
    const viewer = c.get('viewer');
    const org = await deps.store.db
      .selectFrom('organisation')
      .select('founder_user_id')
      .where('id', '=', ORGANISATION_ID)
      .executeTakeFirstOrThrow();
    const body: SessionInfo = { server: 'craftpath-team', version: deps.version, fresh: org.founder_user_id === null };
    if (deps.oidc) body.sso = deps.oidc.name;
    if (viewer) {
      const ids = [...viewer.cohorts.keys()];
      const cohorts =
        ids.length === 0
          ? []
          : await deps.store.db
              .selectFrom('cohort')
              .select(['id', 'name'])
              .where('id', 'in', ids)
              .orderBy('name')
              .execute();
      body.user = {
        id: viewer.id,
        name: viewer.name,
        email: viewer.email,
        owner: viewer.owner,
        cohorts: cohorts.flatMap((k) => {
          const role = viewer.cohorts.get(k.id);
          return role ? [{ id: k.id, name: k.name, role }] : [];
        }),
      };
    }
    c.header('Cache-Control', 'no-store');
    return reply(c, sessionSchema, body);
  });
}

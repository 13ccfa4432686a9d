import type { Hono } from 'hono';
import { adminInfoSchema } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { reply } from '../http.ts';
import { ORGANISATION_ID, requireOwner } from '../auth/access.ts';

/** Everything the admin page shows, for owners: members and roles, invitations, SSO, database, version. */
export function adminRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;
  app.get('/api/admin', async (c) => {
    requireOwner(c.get('viewer'));
    const [org, users, owners, memberships, invitations, schema] = await Promise.all([
      store.db
        .selectFrom('organisation')
        .select(['name', 'retention_days'])
        .where('id', '=', ORGANISATION_ID)
        .executeTakeFirstOrThrow(),
      store.db.selectFrom('user').select(['id', 'name', 'email']).orderBy('name').execute(),
      store.db.selectFrom('organisation_owner').select('user_id').execute(),
      store.db.selectFrom('membership').select(['user_id', 'cohort_id', 'role']).execute(),
      store.db.selectFrom('invitation').selectAll().orderBy('created_at').execute(),
      store.db
        .selectFrom('schema_migration')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirstOrThrow(),
    ]);
    const ownerIds = new Set(owners.map((o) => o.user_id));
    c.header('Cache-Control', 'no-store');
    return reply(c, adminInfoSchema, {
      organisation: { name: org.name, retentionDays: org.retention_days },
      users: users.map((u) => ({
        ...u,
        owner: ownerIds.has(u.id),
        cohorts: memberships.filter((m) => m.user_id === u.id).map((m) => ({ id: m.cohort_id, role: m.role })),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        cohortId: i.cohort_id,
        role: i.role,
        expiresAt: i.expires_at,
        usesLeft: i.uses_left,
        emailDomain: i.email_domain,
      })),
      mail: deps.mailer ? { enabled: true, server: deps.mailer.server } : { enabled: false },
      sso: deps.oidc ? { enabled: true, issuer: deps.oidc.issuer } : { enabled: false },
      database: { kind: store.kind, location: store.location, schemaVersion: Number(schema.v) },
      version: deps.version,
    });
  });
}

import type { Hono } from 'hono';
import { z } from 'astro/zod';
import { BACKUP_VERSION, backupSchema } from '../../runtime/storage/backup.ts';
import { organisationSettingsSchema, okSchema } from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { readJson, reply } from '../http.ts';
import { ORGANISATION_ID, requireOwner, requireViewer } from '../auth/access.ts';
import { readSynced } from '../store/synced-records.ts';
import { submissionSchema } from '../../shared-api/assignments-api.ts';
import { submissionViews } from './submissions.ts';

const iso = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString());

/** The export: the progress page's own backup (importable as is) and every server row about the caller. */
export const exportSchema = z
  .object({
    /** The same file the progress page exports and imports. */
    backup: backupSchema,
    /** What only the server holds. */
    server: z
      .object({
        account: z.object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.string() }).strict(),
        owner: z.boolean(),
        memberships: z.array(z.object({ cohort: z.string(), role: z.string(), since: z.string() }).strict()),
        signInMethods: z.array(z.object({ provider: z.string(), since: z.string() }).strict()),
        sessions: z.array(
          z
            .object({
              createdAt: z.string(),
              expiresAt: z.string(),
              ipAddress: z.string().nullable(),
              userAgent: z.string().nullable(),
            })
            .strict(),
        ),
        /** Every revision the learner submitted, with the browser's and the server's reports. */
        submissions: z.array(submissionSchema),
      })
      .strict(),
  })
  .strict();

export function privacyRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.get('/api/me/export', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const [synced, user, memberships, accounts, sessions, submitted] = await Promise.all([
      readSynced(store, viewer.id),
      store.db
        .selectFrom('user')
        .select(['id', 'name', 'email', 'createdAt'])
        .where('id', '=', viewer.id)
        .executeTakeFirstOrThrow(),
      store.db
        .selectFrom('membership')
        .innerJoin('cohort', 'cohort.id', 'membership.cohort_id')
        .select(['cohort.name', 'membership.role', 'membership.created_at'])
        .where('membership.user_id', '=', viewer.id)
        .execute(),
      store.db.selectFrom('account').select(['providerId', 'createdAt']).where('userId', '=', viewer.id).execute(),
      store.db
        .selectFrom('session')
        .select(['createdAt', 'expiresAt', 'ipAddress', 'userAgent'])
        .where('userId', '=', viewer.id)
        .execute(),
      store.db.selectFrom('submission').selectAll().where('user_id', '=', viewer.id).orderBy('submitted_at').execute(),
    ]);
    c.header('Content-Disposition', 'attachment; filename="craftpath-export.json"');
    c.header('Cache-Control', 'no-store');
    return reply(c, exportSchema, {
      backup: { format: 'craftpath-backup', version: BACKUP_VERSION, exportedAt: new Date().toISOString(), ...synced },
      server: {
        account: { id: user.id, name: user.name, email: user.email, createdAt: iso(user.createdAt) },
        owner: viewer.owner,
        memberships: memberships.map((m) => ({ cohort: m.name, role: m.role, since: m.created_at })),
        signInMethods: accounts.map((a) => ({ provider: a.providerId, since: iso(a.createdAt) })),
        sessions: sessions.map((s) => ({
          createdAt: iso(s.createdAt),
          expiresAt: iso(s.expiresAt),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
        })),
        submissions: await submissionViews(store, deps.catalog, submitted),
      },
    });
  });

  app.patch('/api/organisation', async (c) => {
    requireOwner(c.get('viewer'));
    const body = await readJson(c, organisationSettingsSchema);
    await store.db
      .updateTable('organisation')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.retentionDays !== undefined ? { retention_days: body.retentionDays } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', ORGANISATION_ID)
      .execute();
    return reply(c, okSchema, { ok: true });
  });
}

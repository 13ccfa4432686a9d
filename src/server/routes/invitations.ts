import type { Hono } from 'hono';
import {
  acceptInvitationSchema,
  createdInvitationSchema,
  createInvitationSchema,
  idSchema,
  invitationListSchema,
  invitationPreviewSchema,
  okSchema,
} from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { requireCohortStaff, requireViewer, type Viewer } from '../auth/access.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { Store } from '../store/database.ts';
import type { CohortRole, InvitationTable } from '../store/schema.ts';

/** An invitation that can still be used, or a 410 saying why not. */
export async function findUsableInvitation(store: Store, token: string): Promise<InvitationTable> {
  const row = await store.db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw new HttpError(410, 'This invitation link is not valid.', 'invitation');
  if (row.expires_at <= new Date().toISOString())
    throw new HttpError(410, 'This invitation link has expired.', 'invitation');
  if (row.uses_left <= 0) throw new HttpError(410, 'This invitation link has been used up.', 'invitation');
  return row;
}

/** Takes one use, atomically: two people racing for the last use cannot both get it. */
export async function consumeInvitation(store: Store, id: string): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await store.db
    .updateTable('invitation')
    .set((eb) => ({ uses_left: eb('uses_left', '-', 1), updated_at: now }))
    .where('id', '=', id)
    .where('uses_left', '>', 0)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Adds a membership. Joining never lowers a role: a mentor who follows a learner link to their own
 * cohort stays its mentor, while a learner given a mentor link is promoted.
 */
export async function joinCohort(store: Store, userId: string, cohortId: string, role: CohortRole): Promise<void> {
  const now = new Date().toISOString();
  await store.db
    .insertInto('membership')
    .values({ cohort_id: cohortId, user_id: userId, role, created_at: now, updated_at: now })
    .onConflict((oc) =>
      role === 'mentor' ? oc.columns(['cohort_id', 'user_id']).doUpdateSet({ role, updated_at: now }) : oc.doNothing(),
    )
    .execute();
}

/** Mentors invite learners to their own cohorts; only owners hand out mentor invitations. */
function mayInvite(viewer: Viewer, role: CohortRole): boolean {
  return viewer.owner || role === 'learner';
}

const invitationView = (row: InvitationTable) => ({
  id: row.id,
  cohortId: row.cohort_id,
  role: row.role,
  expiresAt: row.expires_at,
  usesLeft: row.uses_left,
  emailDomain: row.email_domain,
});

export function invitationRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.get('/api/cohorts/:id/invitations', async (c) => {
    const cohortId = param(c, 'id', idSchema);
    await requireCohortStaff(store, c.get('viewer'), cohortId);
    const rows = await store.db
      .selectFrom('invitation')
      .selectAll()
      .where('cohort_id', '=', cohortId)
      .orderBy('created_at')
      .execute();
    return reply(c, invitationListSchema, { invitations: rows.map(invitationView) });
  });

  app.post('/api/cohorts/:id/invitations', async (c) => {
    const cohortId = param(c, 'id', idSchema);
    const viewer = await requireCohortStaff(store, c.get('viewer'), cohortId);
    const body = await readJson(c, createInvitationSchema);
    if (!mayInvite(viewer, body.role)) throw new HttpError(403, 'Only an owner can invite mentors.', 'role');
    const token = newToken();
    const now = new Date();
    const row: InvitationTable = {
      id: newId(),
      token_hash: hashToken(token),
      cohort_id: cohortId,
      role: body.role,
      expires_at: new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString(),
      uses_left: body.maxUses,
      email_domain: body.emailDomain ?? null,
      created_by: viewer.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await store.db.insertInto('invitation').values(row).execute();
    return reply(
      c,
      createdInvitationSchema,
      { invitation: invitationView(row), url: `${deps.origin}/team/join/#${token}` },
      201,
    );
  });

  app.delete('/api/invitations/:id', async (c) => {
    const id = param(c, 'id', idSchema);
    const viewer = requireViewer(c.get('viewer'));
    const row = await store.db
      .selectFrom('invitation')
      .select(['cohort_id', 'role'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'No such invitation.');
    await requireCohortStaff(store, viewer, row.cohort_id);
    if (!mayInvite(viewer, row.role)) throw new HttpError(403, 'Only an owner can withdraw a mentor invitation.');
    await store.db.deleteFrom('invitation').where('id', '=', id).execute();
    return reply(c, okSchema, { ok: true });
  });

  // The token travels in the body, never in a URL the server logs.
  app.post('/api/invitations/preview', async (c) => {
    const { token } = await readJson(c, acceptInvitationSchema);
    const row = await findUsableInvitation(store, token);
    const cohort = await store.db
      .selectFrom('cohort')
      .select('name')
      .where('id', '=', row.cohort_id)
      .executeTakeFirstOrThrow();
    return reply(c, invitationPreviewSchema, {
      cohort: cohort.name,
      role: row.role,
      expiresAt: row.expires_at,
      emailDomain: row.email_domain,
    });
  });

  app.post('/api/invitations/accept', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const { token } = await readJson(c, acceptInvitationSchema);
    const row = await findUsableInvitation(store, token);
    const domain = viewer.email.split('@')[1] ?? '';
    if (row.email_domain && row.email_domain !== domain)
      throw new HttpError(403, `This invitation is for ${row.email_domain} addresses.`);
    if (!(await consumeInvitation(store, row.id)))
      throw new HttpError(410, 'This invitation has just been used up or has expired.');
    await joinCohort(store, viewer.id, row.cohort_id, row.role);
    return reply(c, okSchema, { ok: true });
  });
}

import type { Hono } from 'hono';
import {
  cohortListSchema,
  cohortSchema,
  createCohortSchema,
  idSchema,
  learnerProgressSchema,
  memberListSchema,
  okSchema,
  setRoleSchema,
  updateCohortSchema,
} from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { ORGANISATION_ID, requireCohortStaff, requireOwner, requireViewer, type Viewer } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import type { CohortTable } from '../store/schema.ts';

const cohortView = (row: CohortTable, viewer: Viewer) => ({
  id: row.id,
  name: row.name,
  autoJoinDomain: row.auto_join_domain,
  role: viewer.owner ? ('owner' as const) : (viewer.cohorts.get(row.id) ?? 'learner'),
  createdAt: row.created_at,
});

/** Cohorts and their members. Owners see every cohort; mentors and learners only their own. */
export function cohortRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  app.get('/api/cohorts', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    let query = store.db.selectFrom('cohort').selectAll().orderBy('name');
    if (!viewer.owner) {
      const ids = [...viewer.cohorts.keys()];
      if (ids.length === 0) return reply(c, cohortListSchema, { cohorts: [] });
      query = query.where('id', 'in', ids);
    }
    const rows = await query.execute();
    return reply(c, cohortListSchema, { cohorts: rows.map((r) => cohortView(r, viewer)) });
  });

  app.post('/api/cohorts', async (c) => {
    const viewer = requireOwner(c.get('viewer'));
    const body = await readJson(c, createCohortSchema);
    const now = new Date().toISOString();
    const row: CohortTable = {
      id: newId(),
      organisation_id: ORGANISATION_ID,
      name: body.name,
      auto_join_domain: body.autoJoinDomain ?? null,
      created_at: now,
      updated_at: now,
    };
    await store.db.insertInto('cohort').values(row).execute();
    return reply(c, cohortSchema, cohortView(row, viewer), 201);
  });

  app.patch('/api/cohorts/:id', async (c) => {
    const viewer = requireOwner(c.get('viewer'));
    const id = param(c, 'id', idSchema);
    const body = await readJson(c, updateCohortSchema);
    const row = await store.db
      .updateTable('cohort')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.autoJoinDomain !== undefined ? { auto_join_domain: body.autoJoinDomain } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'No such cohort.');
    return reply(c, cohortSchema, cohortView(row, viewer));
  });

  // Deletes the cohort with its memberships and invitations; the learners' accounts and records stay.
  app.delete('/api/cohorts/:id', async (c) => {
    requireOwner(c.get('viewer'));
    const id = param(c, 'id', idSchema);
    const result = await store.db.deleteFrom('cohort').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new HttpError(404, 'No such cohort.');
    return reply(c, okSchema, { ok: true });
  });

  app.get('/api/cohorts/:id/members', async (c) => {
    const id = param(c, 'id', idSchema);
    await requireCohortStaff(store, c.get('viewer'), id);
    const rows = await store.db
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['membership.user_id as userId', 'user.name', 'user.email', 'membership.role'])
      .where('membership.cohort_id', '=', id)
      .orderBy('user.name')
      .execute();
    return reply(c, memberListSchema, { members: rows });
  });

  app.put('/api/cohorts/:id/members/:userId', async (c) => {
    requireOwner(c.get('viewer'));
    const id = param(c, 'id', idSchema);
    const userId = param(c, 'userId', idSchema);
    const { role } = await readJson(c, setRoleSchema);
    const result = await store.db
      .updateTable('membership')
      .set({ role, updated_at: new Date().toISOString() })
      .where('cohort_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new HttpError(404, 'No such member.');
    return reply(c, okSchema, { ok: true });
  });

  app.delete('/api/cohorts/:id/members/:userId', async (c) => {
    requireOwner(c.get('viewer'));
    const id = param(c, 'id', idSchema);
    const userId = param(c, 'userId', idSchema);
    const result = await store.db
      .deleteFrom('membership')
      .where('cohort_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new HttpError(404, 'No such member.');
    return reply(c, okSchema, { ok: true });
  });

  /** A cohort's learners with counts from their synced progress: one query, for mentors and owners. */
  app.get('/api/cohorts/:id/progress', async (c) => {
    const id = param(c, 'id', idSchema);
    await requireCohortStaff(store, c.get('viewer'), id);
    const rows = await store.db
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .leftJoin('synced_record', (join) =>
        join.onRef('synced_record.user_id', '=', 'membership.user_id').on('synced_record.kind', '=', 'progress'),
      )
      .select(['membership.user_id as userId', 'user.name', 'synced_record.body'])
      .where('membership.cohort_id', '=', id)
      .where('membership.role', '=', 'learner')
      .orderBy('user.name')
      .execute();
    const learners = new Map<string, { userId: string; name: string; passed: number; inProgress: number }>();
    for (const row of rows) {
      const entry = learners.get(row.userId) ?? { userId: row.userId, name: row.name, passed: 0, inProgress: 0 };
      if (row.body) {
        const status = (JSON.parse(row.body) as { status?: string }).status;
        if (status === 'passed') entry.passed++;
        else entry.inProgress++;
      }
      learners.set(row.userId, entry);
    }
    return reply(c, learnerProgressSchema, { learners: [...learners.values()] });
  });
}

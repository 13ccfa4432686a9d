import type { Store } from '../store/database.ts';
import type { CohortRole } from '../store/schema.ts';
import { HttpError } from '../http.ts';

/** Who is asking: from the session cookie, then the owner flag and cohort roles from the database. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  owner: boolean;
  /** Role per cohort id. */
  cohorts: Map<string, CohortRole>;
}

export const ORGANISATION_ID = 'team';

export async function loadViewer(store: Store, user: { id: string; name: string; email: string }): Promise<Viewer> {
  const [owner, memberships] = await Promise.all([
    store.db.selectFrom('organisation_owner').select('user_id').where('user_id', '=', user.id).executeTakeFirst(),
    store.db.selectFrom('membership').select(['cohort_id', 'role']).where('user_id', '=', user.id).execute(),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    owner: owner !== undefined,
    cohorts: new Map(memberships.map((m) => [m.cohort_id, m.role])),
  };
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new HttpError(401, 'Sign in first.');
  return viewer;
}

export function requireOwner(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (!v.owner) throw new HttpError(403, 'Only an owner of the team can do this.');
  return v;
}

/**
 * A cohort's staff: its owners and its mentors. Anyone else gets 404, not 403, so a learner cannot probe
 * which cohort ids exist; an owner asking for a missing cohort gets 404 too.
 */
export async function requireCohortStaff(store: Store, viewer: Viewer | null, cohortId: string): Promise<Viewer> {
  const v = requireViewer(viewer);
  const exists = await store.db.selectFrom('cohort').select('id').where('id', '=', cohortId).executeTakeFirst();
  if (!exists || !(v.owner || v.cohorts.get(cohortId) === 'mentor')) throw new HttpError(404, 'No such cohort.');
  return v;
}

/** A cohort's members of any role and the team's owners; anyone else gets 404, as for requireCohortStaff. */
export async function requireCohortMember(store: Store, viewer: Viewer | null, cohortId: string): Promise<Viewer> {
  const v = requireViewer(viewer);
  const exists = await store.db.selectFrom('cohort').select('id').where('id', '=', cohortId).executeTakeFirst();
  if (!exists || !(v.owner || v.cohorts.has(cohortId))) throw new HttpError(404, 'No such cohort.');
  return v;
}

import { HttpError } from '../http.ts';
import type { Store } from '../store/database.ts';
import type { AssignmentTable } from '../store/schema.ts';
import { requireViewer, type Viewer } from './access.ts';

export interface AssignmentAccess {
  viewer: Viewer;
  assignment: AssignmentTable;
  /** Owner, or a mentor of the assignment's cohort: sees every learner's submissions. */
  staff: boolean;
}

/**
 * The assignment if the caller belongs to its cohort (any role) or owns the team. Anyone else gets 404,
 * as for cohorts, so assignment ids cannot be probed.
 */
export async function requireAssignment(store: Store, viewer: Viewer | null, id: string): Promise<AssignmentAccess> {
  const v = requireViewer(viewer);
  const assignment = await store.db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst();
  const role = assignment ? v.cohorts.get(assignment.cohort_id) : undefined;
  if (!assignment || !(v.owner || role)) throw new HttpError(404, 'No such assignment.');
  return { viewer: v, assignment, staff: v.owner || role === 'mentor' };
}

/** As requireAssignment, for staff only; a learner of the cohort is told it is not theirs to do. */
export async function requireAssignmentStaff(store: Store, viewer: Viewer | null, id: string) {
  const access = await requireAssignment(store, viewer, id);
  assertStaff(access);
  return access;
}

/** Refuses a member of the assignment's cohort who is not its staff (403: they know it exists). */
export function assertStaff(access: AssignmentAccess): void {
  if (!access.staff) throw new HttpError(403, 'Only the cohort’s mentors and the team’s owners can do this.');
}

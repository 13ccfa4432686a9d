import type { Kysely } from 'kysely';
import { DEFAULT_STUCK_RULE, type StuckRule, type StuckRuleView } from '../../shared-api/dashboard-api.ts';
import type { Database } from '../store/schema.ts';

/** The cohort's name and stuck rule (the default when it has set none) in one query; undefined: no cohort. */
export async function cohortWithRule(
  db: Kysely<Database>,
  cohortId: string,
): Promise<{ id: string; name: string; stuckRule: StuckRuleView } | undefined> {
  const row = await db
    .selectFrom('cohort')
    .leftJoin('cohort_stuck_rule', 'cohort_stuck_rule.cohort_id', 'cohort.id')
    .select([
      'cohort.id',
      'cohort.name',
      'cohort_stuck_rule.cohort_id as ruleCohort',
      'cohort_stuck_rule.failing_submissions',
      'cohort_stuck_rule.idle_days',
    ])
    .where('cohort.id', '=', cohortId)
    .executeTakeFirst();
  if (!row) return undefined;
  const stuckRule: StuckRuleView =
    row.ruleCohort === null
      ? { rule: DEFAULT_STUCK_RULE, isDefault: true }
      : { rule: { failingSubmissions: row.failing_submissions, idleDays: row.idle_days }, isDefault: false };
  return { id: row.id, name: row.name, stuckRule };
}

/** Sets the cohort's rule, replacing any earlier one. */
export async function saveStuckRule(db: Kysely<Database>, cohortId: string, rule: StuckRule): Promise<void> {
  const now = new Date().toISOString();
  const values = { failing_submissions: rule.failingSubmissions, idle_days: rule.idleDays, updated_at: now };
  await db
    .insertInto('cohort_stuck_rule')
    .values({ cohort_id: cohortId, ...values, created_at: now })
    .onConflict((oc) => oc.column('cohort_id').doUpdateSet(values))
    .execute();
}

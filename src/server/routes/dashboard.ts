import type { Context, Hono } from 'hono';
import {
  dashboardQuerySchema,
  dashboardSchema,
  exportQuerySchema,
  firstFailuresSchema,
  stuckRuleSchema,
  stuckRuleViewSchema,
} from '../../shared-api/dashboard-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, readQuery, reply } from '../http.ts';
import { csvFilename, dashboardCsv } from '../dashboard/csv.ts';
import { loadFirstFailures } from '../dashboard/first-failures.ts';
import { loadDashboard } from '../dashboard/load-dashboard.ts';
import { cohortWithRule, saveStuckRule } from '../dashboard/stuck-rule.ts';
import { assignmentRequest, cohortRequest } from './route-helpers.ts';

/** The cohort dashboard, its stuck rule, first failures per assignment and the CSV export: staff only. */
export function dashboardRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store } = deps;

  /** The cohort with its rule, after the staff check (404 for anyone else, as for every cohort route). */
  const staffCohort = async (c: Context<AppEnv>) => {
    const { id } = await cohortRequest(c, store, 'staff');
    const cohort = await cohortWithRule(store.db, id);
    if (!cohort) throw new HttpError(404, 'No such cohort.');
    return cohort;
  };

  app.get('/api/cohorts/:id/dashboard', async (c) => {
    const { page, pageSize } = readQuery(c, dashboardQuerySchema);
    const cohort = await staffCohort(c);
    return reply(c, dashboardSchema, await loadDashboard(store.db, cohort, cohort.stuckRule, { page, pageSize }));
  });

  app.get('/api/cohorts/:id/stuck-rule', async (c) => {
    const cohort = await staffCohort(c);
    return reply(c, stuckRuleViewSchema, cohort.stuckRule);
  });

  app.put('/api/cohorts/:id/stuck-rule', async (c) => {
    const { id, body: rule } = await cohortRequest(c, store, 'staff', { body: stuckRuleSchema });
    await saveStuckRule(store.db, id, rule);
    return reply(c, stuckRuleViewSchema, { rule, isDefault: false });
  });

  app.get('/api/assignments/:id/first-failures', async (c) => {
    const { assignment } = await assignmentRequest(c, store, 'staff');
    return reply(c, firstFailuresSchema, await loadFirstFailures(store.db, assignment));
  });

  app.get('/api/cohorts/:id/export.csv', async (c) => {
    const { layout } = readQuery(c, exportQuerySchema);
    const cohort = await staffCohort(c);
    const dashboard = await loadDashboard(store.db, cohort, cohort.stuckRule, 'all');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${csvFilename(cohort.name, layout)}"`);
    return c.body(dashboardCsv(dashboard, layout));
  });
}

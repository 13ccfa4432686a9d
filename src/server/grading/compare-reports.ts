import type { CheckReport } from '../../runtime/report/check-report.ts';

/**
 * Check ids whose status differs between the browser's report and the server's. Only checks both ran
 * are compared: in assessed mode the browser runs the visible checks only, and a check it could not run
 * is no disagreement. A difference is tampering (a forged report) or an engine gap, and the mentor sees it.
 */
export function verdictMismatch(browser: CheckReport | null, server: CheckReport): string[] {
  if (!browser) return [];
  const theirs = new Map(browser.checks.map((c) => [c.id, c.status]));
  return server.checks.filter((c) => theirs.has(c.id) && theirs.get(c.id) !== c.status).map((c) => c.id);
}

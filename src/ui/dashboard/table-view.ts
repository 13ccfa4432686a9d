import { t } from '../../i18n/index.ts';
import type { CellStatus, Dashboard, DashboardLearner, StuckRule } from '../../shared-api/dashboard-api.ts';

/**
 * What the dashboard table shows of a loaded page: the filter and the sort a mentor picked, applied to the
 * page's learners. No DOM here, so the rules are unit-tested; dashboard-table.ts draws the result.
 */

export const STATUS_LABELS: Record<CellStatus, string> = t.dashboard.statuses;

/** Progress order, for sorting an assignment's column. */
const STATUS_ORDER: CellStatus[] = ['not-started', 'working', 'changes-requested', 'submitted', 'approved'];

export interface Filter {
  /** Keep learners with this status on any assignment; empty keeps all. */
  status: CellStatus | '';
  stuckOnly: boolean;
  /** Matched against name and email, case-insensitively. */
  text: string;
}

/** "name", "stuck", or an assignment id. */
export interface Sort {
  column: string;
  direction: 'ascending' | 'descending';
}

export function visibleLearners(dashboard: Dashboard, filter: Filter, sort: Sort): DashboardLearner[] {
  const text = filter.text.trim().toLowerCase();
  const kept = dashboard.learners.filter(
    (l) =>
      (!filter.stuckOnly || l.stuck) &&
      (filter.status === '' || l.cells.some((c) => c.status === filter.status)) &&
      (text === '' || l.name.toLowerCase().includes(text) || l.email.toLowerCase().includes(text)),
  );
  const index = dashboard.assignments.findIndex((a) => a.id === sort.column);
  const key = (l: DashboardLearner): [number, number, string] => {
    if (sort.column === 'stuck') return [l.stuck ? 0 : 1, 0, l.name];
    const cell = index >= 0 ? l.cells[index] : undefined;
    return cell ? [STATUS_ORDER.indexOf(cell.status), cell.attempts, l.name] : [0, 0, l.name];
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...kept].sort((a, b) => {
    const [a1, a2, a3] = key(a);
    const [b1, b2, b3] = key(b);
    return sign * (a1 - b1 || a2 - b2 || a3.localeCompare(b3));
  });
}

/** The rule as a sentence for the page: what "stuck" means in this cohort. */
export function ruleSentence(rule: StuckRule, isDefault: boolean): string {
  const parts = [
    rule.failingSubmissions === null ? null : t.dashboard.ruleFailing(rule.failingSubmissions),
    rule.idleDays === null ? null : t.dashboard.ruleIdle(rule.idleDays),
  ].filter((p): p is string => p !== null);
  return t.dashboard.ruleSentence(parts.length === 0 ? t.dashboard.ruleOff : t.dashboard.ruleOn(parts), isDefault);
}

/** "today", "yesterday", "3 days ago": how long ago an ISO time was, in whole days. */
export function daysAgoText(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  return t.dashboard.daysAgo(days);
}

import { t } from '../../i18n/index.ts';
import type { AssignmentCell, Dashboard, DashboardLearner, StuckReason } from '../../shared-api/dashboard-api.ts';
import { h } from '../dom.ts';
import { base } from '../team/api.ts';
import { daysAgoText, STATUS_LABELS, type Sort } from './table-view.ts';

/**
 * The learners × assignments table: a real <table> (caption, column and row headers) so a screen reader
 * announces "Ada, Lint gate, Submitted" cell by cell. Column headers hold the sort buttons; the sorted
 * column's header carries aria-sort. Stuck rows say "stuck" in text beside an icon, not by colour alone.
 */

const REASON_TEXT: Record<StuckReason, string> = t.dashboard.stuckReasons;

export function stuckFlag(reasons: StuckReason[]): HTMLElement {
  return h(
    'span',
    { class: 'stuck-flag', 'data-stuck': reasons.join(' ') },
    h('span', { 'aria-hidden': 'true' }, '⚠ '),
    t.dashboard.stuckBecause(reasons.map((r) => REASON_TEXT[r])),
  );
}

function sortHeader(label: Node | string, column: string, sort: Sort, onSort: (column: string) => void, extra?: Node) {
  const sorted = sort.column === column;
  const button = h(
    'button',
    { type: 'button', class: 'sort-button', 'data-sort': column },
    label,
    h(
      'span',
      { 'aria-hidden': 'true', class: 'sort-button__arrow' },
      sorted ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
    ),
  );
  button.addEventListener('click', () => onSort(column));
  return h('th', { scope: 'col', ...(sorted ? { 'aria-sort': sort.direction } : {}) }, button, extra);
}

function cellView(cell: AssignmentCell | undefined, now: Date): HTMLElement {
  if (!cell) return h('td', {}, '—');
  const details: (Node | string)[] = [];
  if (cell.attempts > 0) details.push(t.dashboard.attempts(cell.attempts));
  if (cell.lastActivity)
    details.push(
      h(
        'time',
        { datetime: cell.lastActivity, title: new Date(cell.lastActivity).toLocaleString() },
        daysAgoText(cell.lastActivity, now),
      ),
    );
  const meta = h('span', { class: 'meta' });
  details.forEach((d, i) => meta.append(...(i > 0 ? [', '] : []), d));
  return h(
    'td',
    { 'data-status': cell.status, 'data-assignment': cell.assignmentId },
    h('span', { class: `cell-status cell-status--${cell.status}` }, STATUS_LABELS[cell.status]),
    details.length > 0 ? h('br') : null,
    details.length > 0 ? meta : null,
    cell.failingChecks.length > 0
      ? h(
          'span',
          { class: 'cell-failing', 'data-failing': cell.failingChecks.join(' ') },
          t.dashboard.failing(cell.failingChecks),
        )
      : null,
    cell.stuck.length > 0 ? stuckFlag(cell.stuck) : null,
    ...reviewLinks(cell),
  );
}

/** The newest revision of each submitted exercise opens on the review page, named when there are several. */
function reviewLinks(cell: AssignmentCell): HTMLElement[] {
  const submitted = cell.exercises.filter((e) => e.newestSubmissionId !== null);
  return submitted.map((e) =>
    h(
      'a',
      { class: 'cell-review', href: `${base}team/review/?submission=${e.newestSubmissionId ?? ''}` },
      submitted.length > 1 || cell.exercises.length > 1 ? t.dashboard.reviewExercise(e.exercise) : t.dashboard.review,
    ),
  );
}

function rowView(learner: DashboardLearner, dashboard: Dashboard, now: Date): HTMLElement {
  return h(
    'tr',
    { 'data-learner': learner.userId, ...(learner.stuck ? { class: 'is-stuck' } : {}) },
    h('th', { scope: 'row' }, learner.name, h('br'), h('span', { class: 'meta' }, learner.email)),
    h(
      'td',
      {},
      learner.stuck
        ? h('span', { class: 'stuck-flag' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), t.dashboard.stuck)
        : h('span', { class: 'meta' }, t.dashboard.notStuck),
    ),
    ...dashboard.assignments.map((_, i) => cellView(learner.cells[i], now)),
  );
}

export function dashboardTable(
  dashboard: Dashboard,
  learners: DashboardLearner[],
  sort: Sort,
  onSort: (column: string) => void,
): HTMLElement {
  const now = new Date(dashboard.computedAt);
  const first = (dashboard.page - 1) * dashboard.pageSize + 1;
  const last = first + dashboard.learners.length - 1;
  const caption = h(
    'caption',
    {},
    t.dashboard.caption(
      dashboard.cohortName,
      dashboard.learners.length === 0 ? 0 : first,
      Math.max(last, 0),
      dashboard.totalLearners,
      dashboard.assignments.length,
    ),
    learners.length === dashboard.learners.length ? '' : t.dashboard.shownByFilter(learners.length),
    t.dashboard.captionNote,
  );
  return h(
    'table',
    { class: 'dashboard-table', 'data-dashboard-table': true },
    caption,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        sortHeader(t.dashboard.learner, 'name', sort, onSort),
        sortHeader(t.dashboard.stuck, 'stuck', sort, onSort),
        ...dashboard.assignments.map((a) =>
          sortHeader(
            a.title,
            a.id,
            sort,
            onSort,
            h('span', { class: 'meta dashboard-table__due' }, `due ${new Date(a.dueAt).toLocaleDateString()}`),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...(learners.length === 0
        ? [h('tr', {}, h('td', { colspan: String(dashboard.assignments.length + 2) }, t.dashboard.noMatch))]
        : learners.map((l) => rowView(l, dashboard, now))),
    ),
  );
}

import { t } from '../../i18n/index.ts';
import {
  cellStatusSchema,
  dashboardSchema,
  firstFailuresSchema,
  stuckRuleViewSchema,
  type Dashboard,
  type StuckRuleView,
} from '../../shared-api/dashboard-api.ts';
import { cohortListSchema } from '../../shared-api/team-api.ts';
import { h } from '../dom.ts';
import { base, call, session } from '../team/api.ts';
import { onSubmit } from '../team/forms.ts';
import { dashboardTable } from './dashboard-table.ts';
import { firstFailuresView } from './first-failures-view.ts';
import { ruleSentence, visibleLearners, type Filter, type Sort } from './table-view.ts';

/**
 * /team/dashboard/?cohort=<id>: a mentor's view of a cohort. Picks the cohort, loads one page of the
 * dashboard, and redraws the table when the sort or the filter changes; the stuck rule form, the CSV
 * links and the per-assignment first-failure view hang off the same cohort.
 */
const PAGE_SIZE = 50;
const root = document.querySelector<HTMLElement>('[data-team-dashboard]');
const status = document.querySelector<HTMLElement>('[data-dashboard-status]');
const $ = <T extends HTMLElement>(selector: string) => root?.querySelector<T>(selector) ?? null;

const state: { cohort: string; page: number; data: Dashboard | undefined; filter: Filter; sort: Sort } = {
  cohort: new URLSearchParams(location.search).get('cohort') ?? '',
  page: 1,
  data: undefined,
  filter: { status: '', stuckOnly: false, text: '' },
  sort: { column: 'name', direction: 'ascending' },
};

const say = (text: string) => {
  if (status) status.textContent = text;
};
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function drawTable(focusColumn?: string): void {
  const into = $('[data-table]');
  if (!into || !state.data) return;
  const learners = visibleLearners(state.data, state.filter, state.sort);
  into.replaceChildren(
    dashboardTable(state.data, learners, state.sort, (column) => {
      state.sort =
        state.sort.column === column
          ? { column, direction: state.sort.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: 'ascending' };
      drawTable(column);
    }),
  );
  // Redrawing replaced the header the keyboard was on; put focus back on the same sort button.
  if (focusColumn) into.querySelector<HTMLElement>(`[data-sort="${CSS.escape(focusColumn)}"]`)?.focus();
  const pages = Math.max(1, Math.ceil(state.data.totalLearners / state.data.pageSize));
  const pager = $('[data-pager-text]');
  if (pager) pager.textContent = t.dashboard.page(state.data.page, pages);
  $<HTMLButtonElement>('[data-page="previous"]')?.toggleAttribute('disabled', state.data.page <= 1);
  $<HTMLButtonElement>('[data-page="next"]')?.toggleAttribute('disabled', state.data.page >= pages);
}

function showRule(view: StuckRuleView): void {
  const sentence = $('[data-rule-sentence]');
  if (sentence) sentence.textContent = ruleSentence(view.rule, view.isDefault);
  const failing = $<HTMLInputElement>('[name="failingSubmissions"]');
  const idle = $<HTMLInputElement>('[name="idleDays"]');
  if (failing) failing.value = view.rule.failingSubmissions === null ? '' : String(view.rule.failingSubmissions);
  if (idle) idle.value = view.rule.idleDays === null ? '' : String(view.rule.idleDays);
}

async function loadPage(): Promise<void> {
  const id = encodeURIComponent(state.cohort);
  say(t.dashboard.loading);
  state.data = await call(
    'GET',
    `/api/cohorts/${id}/dashboard?page=${state.page}&pageSize=${PAGE_SIZE}`,
    dashboardSchema,
  );
  showRule(state.data.stuckRule);
  const assignmentPicker = $<HTMLSelectElement>('[data-assignment-picker]');
  assignmentPicker?.replaceChildren(...state.data.assignments.map((a) => h('option', { value: a.id }, a.title)));
  $('[data-first-failures-section]')?.toggleAttribute('hidden', state.data.assignments.length === 0);
  for (const link of root?.querySelectorAll<HTMLAnchorElement>('[data-csv]') ?? [])
    link.href = `${base}api/cohorts/${id}/export.csv?layout=${link.dataset['csv'] ?? 'generic'}`;
  drawTable();
  say('');
}

async function start(): Promise<void> {
  if (!root) return;
  const info = await session();
  if (!info?.user) {
    say(t.dashboard.signInFirst);
    return;
  }
  const { cohorts } = await call('GET', '/api/cohorts', cohortListSchema);
  const staff = cohorts.filter((c) => c.role === 'owner' || c.role === 'mentor');
  if (staff.length === 0) {
    say(t.dashboard.notStaff);
    return;
  }
  if (!staff.some((c) => c.id === state.cohort)) state.cohort = staff[0]?.id ?? '';
  const picker = $<HTMLSelectElement>('[data-cohort-picker]');
  picker?.replaceChildren(
    ...staff.map((c) => h('option', { value: c.id, ...(c.id === state.cohort ? { selected: true } : {}) }, c.name)),
  );
  picker?.addEventListener('change', () => {
    state.cohort = picker.value;
    state.page = 1;
    history.replaceState(null, '', `?cohort=${encodeURIComponent(state.cohort)}`);
    $('[data-first-failures]')?.replaceChildren();
    loadPage().catch((e: unknown) => say(t.dashboard.cannotShowCohort(message(e))));
  });
  root.hidden = false;
  await loadPage();
}

const filterForm = document.querySelector<HTMLFormElement>('[data-filter]');
filterForm?.addEventListener('input', () => {
  const data = new FormData(filterForm);
  const wanted = cellStatusSchema.safeParse(data.get('status'));
  state.filter = {
    status: wanted.success ? wanted.data : '',
    stuckOnly: data.get('stuckOnly') === 'on',
    text: String(data.get('text') ?? ''),
  };
  drawTable();
});
filterForm?.addEventListener('submit', (event) => event.preventDefault());

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-page]')) {
  button.addEventListener('click', () => {
    state.page += button.dataset['page'] === 'next' ? 1 : -1;
    loadPage().catch((e: unknown) => say(t.dashboard.cannotLoadPage(message(e))));
  });
}

onSubmit(document.querySelector<HTMLFormElement>('[data-stuck-rule]'), async (values) => {
  const number = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));
  const view = await call('PUT', `/api/cohorts/${encodeURIComponent(state.cohort)}/stuck-rule`, stuckRuleViewSchema, {
    failingSubmissions: number(values['failingSubmissions']),
    idleDays: number(values['idleDays']),
  });
  await loadPage();
  return t.dashboard.ruleSaved(ruleSentence(view.rule, view.isDefault));
});

onSubmit(document.querySelector<HTMLFormElement>('[data-first-failures-form]'), async (values) => {
  const data = await call(
    'GET',
    `/api/assignments/${encodeURIComponent(values['assignment'] ?? '')}/first-failures`,
    firstFailuresSchema,
  );
  $('[data-first-failures]')?.replaceChildren(firstFailuresView(data));
  return t.dashboard.firstFailuresOf(data.title, data.learners);
});

start().catch((error: unknown) => say(t.dashboard.cannotShow(message(error))));

import { t } from '../../i18n/index.ts';
import { inboxSchema, type InboxItem } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { base, call } from '../team/api.ts';
import { assigneeSelect } from './assignee-select.ts';
import '../../styles/review.css';

/**
 * /team/inbox/: what waits for the caller's review, oldest first, as a table a screen reader reads row
 * by row; "Mine" (assigned to me or to nobody) or every waiting submission of the caller's cohorts.
 */
const root = document.querySelector<HTMLElement>('[data-inbox-page]');
const status = document.querySelector<HTMLElement>('[data-inbox-status]');

async function render(): Promise<void> {
  if (!root) return;
  const mineOnly = root.querySelector<HTMLInputElement>('[name="scope"][value="mine"]')?.checked ?? true;
  const inbox = await call('GET', `/api/review/inbox${mineOnly ? '?mine=1' : ''}`, inboxSchema);
  root.hidden = false;
  if (status) status.textContent = '';
  const summary = root.querySelector<HTMLElement>('[data-inbox-summary]');
  const table = root.querySelector<HTMLElement>('[data-inbox-table]');
  if (!summary || !table) return;
  summary.textContent = t.mentorReview.inboxSummary(inbox.items.length);
  const mentorsOf = (cohortId: string) => inbox.mentors.filter((m) => m.cohortId === cohortId).map((m) => m.mentor);
  table.replaceChildren(
    inbox.items.length === 0
      ? h('p', {}, t.mentorReview.inboxEmpty)
      : h(
          'table',
          { class: 'review-inbox' },
          h('caption', { class: 'visually-hidden' }, t.mentorReview.inboxCaption),
          h('thead', {}, h('tr', {}, ...t.mentorReview.inboxColumns.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...inbox.items.map((item) => row(item, mentorsOf(item.cohortId)))),
        ),
  );
}

function row(item: InboxItem, mentors: { id: string; name: string }[]): HTMLElement {
  return h(
    'tr',
    { 'data-inbox-item': item.submissionId },
    h('th', { scope: 'row' }, item.learner.name),
    h('td', {}, item.exercise, h('span', { class: 'meta' }, t.mentorReview.revisionShort(item.revision))),
    h('td', {}, item.assignmentTitle, h('span', { class: 'meta' }, ` · ${item.cohortName}`)),
    h(
      'td',
      {},
      h('time', { datetime: item.waitingSince }, waitingFor(item.waitingSince)),
      item.late ? h('span', { class: 'badge' }, t.mentorReview.late) : null,
    ),
    h(
      'td',
      {},
      t.mentorReview.verdicts(item.serverVerdict, item.browserVerdict),
      item.openBlocking > 0
        ? h('span', { class: 'badge badge--blocking' }, t.mentorReview.blocking(item.openBlocking))
        : null,
    ),
    h('td', {}, assigneeSelect(item.submissionId, item.assignee?.id ?? null, mentors)),
    h(
      'td',
      {},
      h(
        'a',
        { href: `${base}team/review/?submission=${encodeURIComponent(item.submissionId)}` },
        t.mentorReview.reviewLink,
        h('span', { class: 'visually-hidden' }, t.mentorReview.reviewLinkOf(item.learner.name, item.exercise)),
      ),
    ),
  );
}

/** "3 days ago (1 Dec, 09:12)": how long the learner has waited, then when they submitted. */
function waitingFor(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  const ago =
    minutes < 60
      ? t.mentorReview.waitedMinutes(minutes)
      : minutes < 48 * 60
        ? t.mentorReview.waitedHours(Math.round(minutes / 60))
        : t.mentorReview.waitedDays(Math.round(minutes / 1440));
  return `${ago} (${new Date(iso).toLocaleString()})`;
}

root?.querySelectorAll('[name="scope"]').forEach((input) => input.addEventListener('change', () => void show()));
const show = () =>
  render().catch((error: unknown) => {
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
  });
void show();

import {
  assignmentListSchema,
  assignmentSchema,
  regradeResultSchema,
  submissionListSchema,
  type Assignment,
  type Submission,
} from '../../shared-api/assignments-api.ts';
import type { CheckReport } from '../../runtime/report/check-report.ts';
import { h } from '../dom.ts';
import { call } from './api.ts';
import { dueText } from './assignment-text.ts';
import { onSubmit } from './forms.ts';

/**
 * /team/assignments/?cohort=<id>: a mentor assigns exercises to the cohort and reads every learner's
 * revisions with the browser's and the server's report side by side (the full review page is issue 17).
 */
const root = document.querySelector<HTMLElement>('[data-assignments-page]');
const status = document.querySelector<HTMLElement>('[data-assignments-status]');
const cohort = new URLSearchParams(location.search).get('cohort') ?? '';

async function render(): Promise<void> {
  if (!root) return;
  const list = root.querySelector<HTMLElement>('[data-assignment-list]');
  const { assignments } = await call(
    'GET',
    `/api/cohorts/${encodeURIComponent(cohort)}/assignments`,
    assignmentListSchema,
  );
  root.hidden = false;
  list?.replaceChildren(
    ...(assignments.length === 0 ? [h('p', {}, 'Nothing assigned yet.')] : assignments.map(assignmentView)),
  );
}

function assignmentView(assignment: Assignment): HTMLElement {
  const submissions = h('div', { 'data-submissions': true });
  const load = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-show-submissions': true },
    'Show submissions',
  );
  const regrade = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-regrade': true },
    'Regrade all',
  );
  const note = h('p', { role: 'status' });
  load.addEventListener(
    'click',
    () => void showSubmissions(assignment, submissions).catch((e: unknown) => (note.textContent = String(e))),
  );
  regrade.addEventListener('click', () => {
    void call('POST', `/api/assignments/${assignment.id}/regrade`, regradeResultSchema).then(
      (r) =>
        (note.textContent =
          r.enqueued === 0
            ? 'Every submission is graded against the current exercise.'
            : `${r.enqueued} submissions queued for regrading.`),
      (e: unknown) => (note.textContent = e instanceof Error ? e.message : String(e)),
    );
  });
  return h(
    'section',
    { class: 'assignment', 'data-assignment': assignment.id },
    h('h3', {}, assignment.title),
    h(
      'p',
      { class: 'meta' },
      `${assignment.mode}, ${dueText(assignment.dueAt)} (${new Date(assignment.dueAt).toLocaleString()})`,
    ),
    assignment.note ? h('p', {}, assignment.note) : null,
    h('p', {}, load, ' ', regrade),
    note,
    submissions,
  );
}

async function showSubmissions(assignment: Assignment, into: HTMLElement): Promise<void> {
  const { submissions } = await call('GET', `/api/assignments/${assignment.id}/submissions`, submissionListSchema);
  into.replaceChildren(
    submissions.length === 0
      ? h('p', {}, 'No submissions yet.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Learner', 'Revision', 'Submitted', 'Browser report', 'Server report'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h('tbody', {}, ...submissions.map(submissionRow)),
        ),
  );
}

function submissionRow(submission: Submission): HTMLElement {
  const server = submission.serverReports.map((r) =>
    h(
      'div',
      { 'data-server-report': true },
      reportView(r.report),
      r.current
        ? null
        : h('p', { class: 'meta' }, `graded against an older version of the exercise (${r.contentHash.slice(0, 8)})`),
      r.mismatch.length > 0
        ? h('p', { class: 'callout', 'data-mismatch': true }, `Differs from the browser on: ${r.mismatch.join(', ')}`)
        : null,
    ),
  );
  const waiting = submission.grading ? `grading: ${submission.grading.state}` : 'not queued';
  return h(
    'tr',
    { 'data-revision': String(submission.revision) },
    h('td', {}, submission.learnerName),
    h('td', {}, String(submission.revision)),
    h('td', {}, new Date(submission.submittedAt).toLocaleString(), submission.late ? ' (late)' : ''),
    h(
      'td',
      { 'data-browser-report': true },
      submission.browserReport ? reportView(submission.browserReport) : 'none sent',
    ),
    h('td', {}, ...(server.length > 0 ? server : [waiting])),
  );
}

function reportView(report: CheckReport): HTMLElement {
  return h(
    'div',
    {},
    h('strong', { 'data-verdict': report.verdict }, `${report.verdict} (${report.engine})`),
    h('ul', {}, ...report.checks.map((c) => h('li', {}, `${c.title}: ${c.status} — ${c.summary}`))),
  );
}

onSubmit(document.querySelector<HTMLFormElement>('[data-new-assignment]'), async (values) => {
  const iso = (local: string | undefined) => (local ? new Date(local).toISOString() : undefined);
  const created = await call('POST', `/api/cohorts/${encodeURIComponent(cohort)}/assignments`, assignmentSchema, {
    exercises: [values['exercise']],
    mode: values['mode'],
    dueAt: iso(values['dueAt']),
    ...(values['cutoffAt'] ? { cutoffAt: iso(values['cutoffAt']) } : {}),
    note: values['note'] ?? '',
  });
  await render();
  return `Assigned “${created.title}”, ${dueText(created.dueAt)}.`;
});

render().catch((error: unknown) => {
  if (status)
    status.textContent = `Cannot show this cohort’s assignments: ${error instanceof Error ? error.message : String(error)}`;
});

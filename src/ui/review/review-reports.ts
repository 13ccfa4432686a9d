import type { CheckReport } from '../../runtime/report/check-report.ts';
import type { ReviewView } from '../../shared-api/review-api.ts';
import { renderReport, type ResultsHandlers } from '../exercise/results-view.ts';
import { h } from '../dom.ts';

/** The server's newest report and the browser's, each in the results view the learner sees. */
export function renderReports(view: ReviewView, handlers: ResultsHandlers): HTMLElement[] {
  const server = view.submission.serverReports.at(-1);
  return [
    reportSection(
      'Server report',
      server?.report ?? null,
      handlers,
      server ? `graded ${server.gradedAt}` : gradingNote(view),
    ),
    reportSection('Browser report', view.submission.browserReport, handlers, 'what the learner saw when submitting'),
  ];
}

/** Each judgment check's answer (review, decision, impact, calibration, critique) with its scores. */
export function renderJudgment(view: ReviewView): HTMLElement[] {
  return [
    h('h2', {}, 'Judgment answers'),
    ...view.judgment.map((j) =>
      h(
        'section',
        { class: 'review-judgment', 'data-judgment': j.checkId },
        h('h3', {}, `${j.title} (${j.kind})`),
        j.result
          ? h(
              'p',
              {},
              h('strong', {}, j.result.status),
              ` — ${j.result.summary}`,
              ...Object.entries(j.result.scores ?? {}).map(([k, v]) => ` · ${k} ${Math.round(v * 100)}%`),
              ...Object.entries(j.result.counts ?? {}).map(([k, v]) => ` · ${k} ${v}`),
              j.result.calibration ? ` · Brier ${j.result.calibration.brier.toFixed(3)}` : '',
            )
          : h('p', { class: 'meta' }, 'Not graded yet.'),
        h('details', {}, h('summary', {}, `The learner’s answer (${j.file})`), h('pre', {}, prettyJson(j.answer))),
      ),
    ),
  ];
}

function reportSection(
  title: string,
  report: CheckReport | null,
  handlers: ResultsHandlers,
  note: string,
): HTMLElement {
  return h(
    'section',
    { class: 'review-report', 'aria-label': title },
    h('h3', {}, title),
    h('p', { class: 'meta' }, note),
    report ? renderReport(report, handlers) : h('p', {}, 'None.'),
  );
}

function gradingNote(view: ReviewView): string {
  const grading = view.submission.grading;
  if (!grading) return 'not queued';
  if (grading.state === 'queued') return `queued, ${grading.queuePosition} ahead`;
  return grading.state === 'failed' ? `grading failed: ${grading.error ?? 'unknown error'}` : grading.state;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

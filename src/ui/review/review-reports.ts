import { t } from '../../i18n/index.ts';
import type { CheckReport } from '../../runtime/report/check-report.ts';
import type { ReviewView } from '../../shared-api/review-api.ts';
import { renderReport, type ResultsHandlers } from '../exercise/results-view.ts';
import { h } from '../dom.ts';

/** The server's newest report and the browser's, each in the results view the learner sees. */
export function renderReports(view: ReviewView, handlers: ResultsHandlers): HTMLElement[] {
  const server = view.submission.serverReports.at(-1);
  return [
    reportSection(
      t.mentorReview.serverReport,
      server?.report ?? null,
      handlers,
      server ? t.mentorReview.gradedAt(server.gradedAt) : gradingNote(view),
    ),
    reportSection(
      t.mentorReview.browserReport,
      view.submission.browserReport,
      handlers,
      t.mentorReview.browserReportNote,
    ),
  ];
}

/** Each judgment check's answer (review, decision, impact, calibration, critique) with its scores. */
export function renderJudgment(view: ReviewView): HTMLElement[] {
  return [
    h('h2', {}, t.mentorReview.judgmentHeading),
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
          : h('p', { class: 'meta' }, t.mentorReview.notGraded),
        h('details', {}, h('summary', {}, t.mentorReview.learnerAnswer(j.file)), h('pre', {}, prettyJson(j.answer))),
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
    report ? renderReport(report, handlers) : h('p', {}, t.mentorReview.noReport),
  );
}

function gradingNote(view: ReviewView): string {
  const grading = view.submission.grading;
  if (!grading) return t.mentorReview.notQueued;
  if (grading.state === 'queued') return t.mentorReview.queued(grading.queuePosition);
  return grading.state === 'failed' ? t.mentorReview.gradingFailed(grading.error) : grading.state;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

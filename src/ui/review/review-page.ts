import { t } from '../../i18n/index.ts';
import { reviewViewSchema, threadListSchema, type ReviewView, type Thread } from '../../shared-api/review-api.ts';
import { loadMonaco } from '../exercise/monaco.ts';
import { h } from '../dom.ts';
import { call } from '../team/api.ts';
import { CommentComposer } from './comment-composer.ts';
import { assigneeSelect } from './assignee-select.ts';
import { ReviewCode, type DiffBase } from './review-code.ts';
import { renderDecisions } from './decision-form.ts';
import { renderJudgment, renderReports } from './review-reports.ts';
import { renderThreads } from './thread-list.ts';
import '../../styles/exercise.css';
import '../../styles/review.css';

/**
 * /team/review/?submission=<id>: one revision's files diffed against the starter or the previous
 * revision, the server's and the browser's reports in the learner's own results view, judgment answers
 * with their scores, line comment threads, and the mentor's decision.
 */
const root = document.querySelector<HTMLElement>('[data-review-page]');
const pageStatus = document.querySelector<HTMLElement>('[data-review-status]');
const submissionId = new URLSearchParams(location.search).get('submission') ?? '';

/** A part of the page by its data-review-<name> attribute (src/pages/team/review.astro). */
function slot(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-review-${name}]`);
  if (!element) throw new Error(`The review page has no [data-review-${name}].`);
  return element;
}

async function start(): Promise<void> {
  if (!root) return;
  if (!submissionId) throw new Error(t.mentorReview.openFromInbox);
  const [view, monaco] = await Promise.all([
    call('GET', `/api/submissions/${encodeURIComponent(submissionId)}/review`, reviewViewSchema),
    loadMonaco(),
  ]);
  const { submission } = view;
  root.hidden = false;
  if (pageStatus) pageStatus.textContent = '';
  document.title = t.mentorReview.pageTitle(submission.learnerName, submission.exercise);
  slot('title').textContent = t.mentorReview.heading(submission.learnerName, submission.exercise, submission.revision);
  slot('meta').replaceChildren(metaLine(view));

  const paths = [...new Set([...view.editable.filter((p) => p in submission.files), ...Object.keys(submission.files)])];
  const composer = new CommentComposer(submission.id, () => void refreshThreads());
  const code = new ReviewCode(monaco, slot('editor'), {
    files: submission.files,
    starter: view.starter,
    previous: view.previous?.files ?? null,
    paths,
    onLines: (file, start, end, fromGutter) => composer.setLines(file, start, end, code.lineCount(file), fromGutter),
  });
  composer.setLines(code.file, 1, 1, code.lineCount());
  slot('composer').replaceChildren(composer.element);
  slot('controls').replaceChildren(...controls(view, code));

  const threadsEl = slot('threads');
  async function refreshThreads(): Promise<void> {
    const { threads } = await call('GET', `/api/submissions/${submission.id}/threads`, threadListSchema);
    code.setThreads(threads);
    threadsEl.replaceChildren(
      renderThreads(threads, {
        reveal: (t: Thread) => t.placement && code.reveal(t.file, t.placement.startLine, t.placement.endLine),
        changed: () => void refreshThreads(),
      }),
    );
  }
  await refreshThreads();

  const jump = {
    jumpTo: (file: string, line: number) => code.reveal(file, line, line),
    canOpen: (file: string) => paths.includes(file),
  };
  slot('reports').replaceChildren(...renderReports(view, jump));
  const judgment = slot('judgment');
  judgment.hidden = view.judgment.length === 0;
  judgment.replaceChildren(...renderJudgment(view));
  await renderDecisions(slot('decision'), submission.id);
}

function metaLine(view: ReviewView): HTMLElement {
  const { submission } = view;
  return h(
    'p',
    { class: 'meta' },
    t.mentorReview.submittedAt(new Date(submission.submittedAt).toLocaleString(), submission.late),
    t.mentorReview.reviewerLabel,
    assigneeSelect(submission.id, view.assignee?.id ?? null, view.mentors),
    t.mentorReview.revisions,
    ...view.revisions.flatMap((r, i) => [
      i > 0 ? ' ' : '',
      r.id === submission.id
        ? h('strong', { 'aria-current': 'page' }, String(r.revision))
        : h('a', { href: `?submission=${encodeURIComponent(r.id)}` }, String(r.revision)),
    ]),
  );
}

function controls(view: ReviewView, code: ReviewCode): HTMLElement[] {
  const fileSelect = h(
    'select',
    { id: 'review-file' },
    ...Object.keys(view.submission.files).map((p) => h('option', { value: p, selected: p === code.file }, p)),
  );
  const baseSelect = h(
    'select',
    { id: 'review-base' },
    h('option', { value: 'starter' }, t.mentorReview.theStarter),
    view.previous
      ? h('option', { value: 'previous' }, t.mentorReview.revision(view.previous.revision))
      : h('option', { value: 'previous', disabled: true }, t.mentorReview.noPreviousRevision),
  );
  const show = () => code.show(fileSelect.value, baseSelect.value as DiffBase);
  fileSelect.addEventListener('change', show);
  baseSelect.addEventListener('change', show);
  return [
    h('label', { for: 'review-file' }, t.mentorReview.file),
    fileSelect,
    h('label', { for: 'review-base' }, t.mentorReview.comparedWith),
    baseSelect,
  ];
}

start().catch((error: unknown) => {
  if (pageStatus) pageStatus.textContent = error instanceof Error ? error.message : String(error);
});

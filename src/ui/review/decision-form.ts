import { t } from '../../i18n/index.ts';
import { decisionListSchema, decisionSchema, type Decision } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { call } from '../team/api.ts';
import { markdownBlock } from './thread-list.ts';

/**
 * The decisions on this learner's work so far and the mentor's buttons: approve (refused by the server,
 * with its sentence shown here, while a blocking thread is open) or request changes.
 */
export async function renderDecisions(container: HTMLElement, id: string): Promise<void> {
  const { decisions } = await call('GET', `/api/submissions/${id}/decisions`, decisionListSchema);
  const body = h('textarea', { id: 'decision-body', rows: '3', maxlength: '10000' });
  const status = h('p', { role: 'status', 'data-decision-status': true });
  const decide = (decision: Decision['decision']) =>
    void call('POST', `/api/submissions/${id}/decision`, decisionSchema, { decision, body: body.value }).then(
      () => renderDecisions(container, id),
      (e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)),
    );
  const approve = h('button', { type: 'button', class: 'button', 'data-approve': true }, t.mentorReview.approve);
  const changes = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-request-changes': true },
    t.mentorReview.requestChanges,
  );
  approve.addEventListener('click', () => decide('approve'));
  changes.addEventListener('click', () => decide('request_changes'));
  container.replaceChildren(
    h('h2', {}, t.mentorReview.decisionHeading),
    ...decisions.map((d) =>
      h(
        'div',
        { class: 'review-decision', 'data-decided': d.decision },
        h(
          'p',
          {},
          h('strong', {}, d.decision === 'approve' ? t.mentorReview.approved : t.mentorReview.changesRequested),
          t.mentorReview.decidedBy(d.mentorName, d.revision, new Date(d.createdAt).toLocaleString()),
        ),
        d.body ? markdownBlock(d.body) : null,
      ),
    ),
    h('label', { for: 'decision-body' }, t.mentorReview.decisionBody),
    body,
    h('p', { class: 'review-decision__actions' }, approve, ' ', changes),
    status,
  );
}

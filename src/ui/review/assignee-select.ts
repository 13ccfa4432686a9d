import { t } from '../../i18n/index.ts';
import { assigneeSchema } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { call } from '../team/api.ts';

/**
 * Who reviews this learner's work on the exercise: a select of the cohort's mentors ("anyone" puts it
 * back in every mentor's queue). Changing it saves at once; the status beside it says so.
 */
export function assigneeSelect(
  submissionId: string,
  current: string | null,
  mentors: readonly { id: string; name: string }[],
): HTMLElement {
  const id = `assignee-${submissionId}`;
  const select = h(
    'select',
    { id, 'data-assignee': submissionId },
    h('option', { value: '', selected: current === null }, t.mentorReview.anyone),
    ...mentors.map((m) => h('option', { value: m.id, selected: m.id === current }, m.name)),
  );
  const status = h('span', { role: 'status', class: 'meta' });
  select.addEventListener('change', () => {
    void call('POST', `/api/submissions/${encodeURIComponent(submissionId)}/assignee`, assigneeSchema, {
      mentorId: select.value || null,
    }).then(
      (r) => (status.textContent = t.mentorReview.assigneeNow(r.assignee?.name ?? t.mentorReview.anyone)),
      (e: unknown) =>
        (status.textContent = t.mentorReview.assigneeNotSaved(e instanceof Error ? e.message : String(e))),
    );
  });
  return h('span', {}, h('label', { for: id, class: 'visually-hidden' }, t.mentorReview.reviewer), select, status);
}

import { t } from '../../i18n/index.ts';
import type { FirstFailures } from '../../shared-api/dashboard-api.ts';
import { h } from '../dom.ts';

/**
 * One assignment's "12 of 20 fail the timeout scenario": per exercise, a table of first failing checks
 * with a bar per row. The bar is drawn for the eye (aria-hidden); the same figure is in the cell's text.
 */
export function firstFailuresView(data: FirstFailures): HTMLElement {
  return h(
    'div',
    { 'data-first-failures': data.assignmentId },
    ...data.exercises.map((exercise) => {
      const summary = t.dashboard.firstFailuresSummary(
        exercise.graded,
        data.learners,
        exercise.passing,
        exercise.pending,
      );
      return h(
        'section',
        { class: 'first-failures', 'data-exercise': exercise.exercise },
        h('h3', {}, exercise.exercise),
        h('p', {}, summary),
        exercise.failures.length === 0
          ? h('p', { class: 'meta' }, t.dashboard.noFirstFailure)
          : h(
              'table',
              { class: 'first-failures__table' },
              h('caption', { class: 'visually-hidden' }, t.dashboard.firstFailureCaption(exercise.exercise)),
              h(
                'thead',
                {},
                h('tr', {}, ...t.dashboard.firstFailureColumns.map((name) => h('th', { scope: 'col' }, name))),
              ),
              h(
                'tbody',
                {},
                ...exercise.failures.map((f) => {
                  const bar = h('span', { class: 'first-failures__bar', 'aria-hidden': 'true' });
                  bar.style.inlineSize = `${data.learners === 0 ? 0 : Math.round((100 * f.learners) / data.learners)}%`;
                  return h(
                    'tr',
                    { 'data-check': f.checkId },
                    h('th', { scope: 'row' }, f.checkTitle, ' ', h('code', {}, f.checkId)),
                    h('td', {}, f.testName ?? '—'),
                    h(
                      'td',
                      { class: 'first-failures__count' },
                      h('span', {}, t.dashboard.learnersOf(f.learners, data.learners)),
                      h('span', { class: 'first-failures__track', 'aria-hidden': 'true' }, bar),
                    ),
                  );
                }),
              ),
            ),
      );
    }),
  );
}

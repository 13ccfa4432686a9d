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
      const summary = `${exercise.graded} of ${data.learners} learners have a graded newest revision; ${exercise.passing} pass every check${exercise.pending > 0 ? `, ${exercise.pending} still grading` : ''}.`;
      return h(
        'section',
        { class: 'first-failures', 'data-exercise': exercise.exercise },
        h('h3', {}, exercise.exercise),
        h('p', {}, summary),
        exercise.failures.length === 0
          ? h('p', { class: 'meta' }, 'No failing newest revision.')
          : h(
              'table',
              { class: 'first-failures__table' },
              h('caption', { class: 'visually-hidden' }, `First failing check on ${exercise.exercise}`),
              h(
                'thead',
                {},
                h('tr', {}, ...['First failing check', 'Test', 'Learners'].map((t) => h('th', { scope: 'col' }, t))),
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
                      h('span', {}, `${f.learners} of ${data.learners}`),
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

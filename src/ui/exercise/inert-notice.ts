import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

/**
 * The one-line notice on code that came from a backup or a sync: it explains why nothing lints it, and
 * holds the visible control that turns lint as you type on. Learner code is hostile until the learner acts.
 */
export function inertNotice(origin: 'import' | 'sync', onLintAsYouType: () => void): HTMLElement {
  const toggle = h('input', { type: 'checkbox', 'data-lint-toggle': true });
  toggle.addEventListener('change', () => {
    if (toggle.checked) onLintAsYouType();
  });
  return h(
    'p',
    { class: 'callout', 'data-inert-notice': origin },
    t.work.inert(origin),
    ' ',
    h('label', {}, toggle, ' ', t.work.lintAsYouType),
  );
}

import type { SpecOf } from '../../runtime/checks/kind.ts';
import type { ImpactAnswer } from '../../runtime/checks/impact-key.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { parseAnswer, uid, type AnswerPanel } from './panel.ts';

/** The impact prediction as a checklist: one labelled checkbox per consumer in the dependency graph. */
export function impactPanel(spec: SpecOf<'impact'>, saved: string | undefined, onChange: () => void): AnswerPanel {
  const answer = parseAnswer<ImpactAnswer>(saved, { broken: [] });
  const boxes = spec.consumers.map((consumer) => {
    const id = uid('consumer');
    const box = h('input', {
      type: 'checkbox',
      id,
      value: consumer.id,
      checked: answer.broken.includes(consumer.id),
    });
    box.addEventListener('change', onChange);
    return { box, row: h('li', {}, box, ' ', h('label', { for: id }, consumer.label)) };
  });
  return {
    element: h(
      'fieldset',
      { class: 'judgment__choices', 'data-panel': 'impact' },
      h('legend', {}, t.judgment.impactLegend),
      h('ul', { class: 'judgment__checklist' }, ...boxes.map((b) => b.row)),
    ),
    file: spec.file,
    value: () =>
      JSON.stringify({ broken: boxes.filter((b) => b.box.checked).map((b) => b.box.value) } satisfies ImpactAnswer),
  };
}

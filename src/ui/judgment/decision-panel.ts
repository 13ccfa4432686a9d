import type { SpecOf } from '../../runtime/checks/kind.ts';
import type { DecisionAnswer } from '../../runtime/checks/decision-key.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { parseAnswer, uid, type AnswerPanel } from './panel.ts';

/**
 * The decision matrix as a table of labelled number inputs (one row per option, one column per
 * criterion), the pick as a radio group and a free-text reason that is saved but never scored.
 */
export function decisionPanel(spec: SpecOf<'decision'>, saved: string | undefined, onChange: () => void): AnswerPanel {
  const answer = parseAnswer<DecisionAnswer>(saved, { choice: null, figures: {}, reason: '' });
  const inputs = new Map<string, HTMLInputElement>();
  const radios: HTMLInputElement[] = [];
  const pickName = uid('pick');

  const rows = spec.options.map((option) => {
    const cells = spec.criteria.map((c) => {
      const input = h('input', {
        type: 'number',
        step: 'any',
        inputmode: 'decimal',
        'aria-label': t.judgment.figureLabel(option.label, c.label, c.unit),
        'data-option': option.id,
        'data-criterion': c.id,
        value: String(answer.figures[option.id]?.[c.id] ?? ''),
      });
      input.addEventListener('input', onChange);
      inputs.set(`${option.id}/${c.id}`, input);
      return h('td', {}, input);
    });
    return h('tr', {}, h('th', { scope: 'row' }, option.label), ...cells);
  });
  const table = h(
    'table',
    { class: 'judgment__matrix' },
    h('caption', {}, t.judgment.matrixCaption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t.judgment.option),
        ...spec.criteria.map((c) => h('th', { scope: 'col' }, `${c.label} (${c.unit})`)),
      ),
    ),
    h('tbody', {}, ...rows),
  );

  const pick = h(
    'fieldset',
    { class: 'judgment__choices' },
    h('legend', {}, t.judgment.pickLegend),
    ...spec.options.map((option) => {
      const id = uid('pick-option');
      const radio = h('input', {
        type: 'radio',
        id,
        name: pickName,
        value: option.id,
        checked: answer.choice === option.id,
      });
      radio.addEventListener('change', onChange);
      radios.push(radio);
      return h('div', {}, radio, ' ', h('label', { for: id }, option.label));
    }),
  );

  const reasonId = uid('reason');
  const reason = h('textarea', { id: reasonId, rows: '3' });
  reason.value = answer.reason;
  reason.addEventListener('input', onChange);

  return {
    element: h(
      'div',
      { class: 'judgment__decision', 'data-panel': 'decision' },
      h('div', { class: 'judgment__scroll' }, table),
      pick,
      h('p', {}, h('label', { for: reasonId }, t.judgment.reason), h('br', {}), reason),
    ),
    file: spec.file,
    value() {
      const figures: DecisionAnswer['figures'] = {};
      for (const option of spec.options) {
        const row: Record<string, number | null> = {};
        for (const c of spec.criteria) {
          const raw = inputs.get(`${option.id}/${c.id}`)?.value.trim() ?? '';
          row[c.id] = raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw);
        }
        figures[option.id] = row;
      }
      const choice = radios.find((r) => r.checked)?.value ?? null;
      return JSON.stringify({ choice, figures, reason: reason.value } satisfies DecisionAnswer, null, 2);
    },
  };
}

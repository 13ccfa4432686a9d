import type { SpecOf } from '../../runtime/checks/kind.ts';
import type { CalibrationAnswer, CalibrationPick } from '../../runtime/checks/calibration-key.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { parseAnswer, uid, type AnswerPanel } from './panel.ts';

interface ItemControls {
  id: string;
  radios: HTMLInputElement[];
  reason: HTMLSelectElement;
  confidence: HTMLSelectElement;
}

/**
 * One fieldset per item: the decision as a radio group, the reason code and the confidence as labelled
 * selects. Native controls only, so the keyboard and screen readers work without extra code.
 */
export function calibrationPanel(
  spec: SpecOf<'calibration'>,
  saved: string | undefined,
  onChange: () => void,
): AnswerPanel {
  const answer = parseAnswer<CalibrationAnswer>(saved, { items: {} });
  const controls: ItemControls[] = [];
  const fieldsets = spec.items.map((item, index) => {
    const pick: CalibrationPick = answer.items[item.id] ?? { decision: null, reason: null, confidence: null };
    const name = uid('call');
    const radios = spec.decisions.map((d) => {
      const id = uid('call-decision');
      const radio = h('input', { type: 'radio', id, name, value: d.id, checked: pick.decision === d.id });
      radio.addEventListener('change', onChange);
      return {
        radio,
        row: h('span', { class: 'judgment__call-option' }, radio, ' ', h('label', { for: id }, d.label)),
      };
    });
    const reasonId = uid('call-reason');
    const reason = h(
      'select',
      { id: reasonId },
      h('option', { value: '' }, t.judgment.calibration.pickReason),
      ...spec.reasons.map((r) => h('option', { value: r.id, selected: pick.reason === r.id }, r.label)),
    );
    reason.addEventListener('change', onChange);
    const confidenceId = uid('call-confidence');
    const confidence = h(
      'select',
      { id: confidenceId },
      h('option', { value: '' }, t.judgment.calibration.pickConfidence),
      ...spec.confidences.map((c) =>
        h('option', { value: String(c), selected: pick.confidence === c }, t.judgment.percent(c)),
      ),
    );
    confidence.addEventListener('change', onChange);
    controls.push({ id: item.id, radios: radios.map((r) => r.radio), reason, confidence });
    return h(
      'fieldset',
      { class: 'judgment__choices judgment__call', 'data-item': item.id },
      h('legend', {}, t.judgment.calibration.itemLegend(index + 1, item.label)),
      item.material ? h('p', { class: 'meta' }, t.judgment.calibration.seeMaterial(item.material)) : null,
      h('div', { role: 'group', 'aria-label': t.judgment.calibration.decision }, ...radios.map((r) => r.row)),
      h('p', {}, h('label', { for: reasonId }, t.judgment.calibration.reason), ' ', reason),
      h('p', {}, h('label', { for: confidenceId }, t.judgment.calibration.confidence), ' ', confidence),
    );
  });
  return {
    element: h(
      'div',
      { class: 'judgment__calibration', 'data-panel': 'calibration' },
      h('p', {}, t.judgment.calibration.intro(spec.maxBrier)),
      ...fieldsets,
    ),
    file: spec.file,
    value() {
      const items: CalibrationAnswer['items'] = {};
      for (const c of controls) {
        const raw = c.confidence.value;
        items[c.id] = {
          decision: c.radios.find((r) => r.checked)?.value ?? null,
          reason: c.reason.value === '' ? null : c.reason.value,
          confidence: raw === '' ? null : Number(raw),
        };
      }
      return JSON.stringify({ items } satisfies CalibrationAnswer, null, 2);
    },
  };
}

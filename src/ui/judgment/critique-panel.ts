import type { SpecOf } from '../../runtime/checks/kind.ts';
import type { CritiqueAnswer } from '../../runtime/checks/critique-key.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { parseAnswer, uid, type AnswerPanel } from './panel.ts';

/** The critique as one fieldset per anchor of the document, with a labelled checkbox per defect type. */
export function critiquePanel(spec: SpecOf<'critique'>, saved: string | undefined, onChange: () => void): AnswerPanel {
  const answer = parseAnswer<CritiqueAnswer>(saved, { marks: [] });
  const ticked = new Set(answer.marks.map((m) => `${m.anchor}/${m.type}`));
  const boxes: { anchor: string; type: string; box: HTMLInputElement }[] = [];
  const fieldsets = spec.anchors.map((anchor) =>
    h(
      'fieldset',
      { class: 'judgment__choices', 'data-anchor': anchor.id },
      h('legend', {}, anchor.label),
      h(
        'ul',
        { class: 'judgment__checklist' },
        ...spec.defectTypes.map((type) => {
          const id = uid('defect');
          const box = h('input', {
            type: 'checkbox',
            id,
            value: type.id,
            checked: ticked.has(`${anchor.id}/${type.id}`),
          });
          box.addEventListener('change', onChange);
          boxes.push({ anchor: anchor.id, type: type.id, box });
          return h('li', {}, box, ' ', h('label', { for: id }, type.label));
        }),
      ),
    ),
  );
  return {
    element: h(
      'div',
      { class: 'judgment__critique', 'data-panel': 'critique' },
      h('p', {}, t.judgment.critique.intro(spec.document)),
      ...fieldsets,
    ),
    file: spec.file,
    value: () =>
      JSON.stringify(
        {
          marks: boxes.filter((b) => b.box.checked).map((b) => ({ anchor: b.anchor, type: b.type })),
        } satisfies CritiqueAnswer,
        null,
        2,
      ),
  };
}

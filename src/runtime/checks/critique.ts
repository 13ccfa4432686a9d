import type { CheckItem } from '../report/check-report.ts';
import type { CheckOutcome, SpecOf } from './kind.ts';
import { atLeast, judgmentKind, labelsById, percent, shareOf } from './judgment-grading.ts';
import { critiqueAnswerSchema, critiqueKeySchema, type CritiqueAnswer, type CritiqueKey } from './critique-key.ts';

/**
 * A design-document critique: the learner's marks (anchor × defect type) against the seeded defects, scored
 * by precision (marks that hit a defect) and recall (defects found), with the thresholds of the key.
 */
export const critiqueKind = judgmentKind({
  kind: 'critique',
  keySchema: critiqueKeySchema,
  answerSchema: critiqueAnswerSchema,
  grade: gradeCritique,
});

export function gradeCritique(spec: SpecOf<'critique'>, key: CritiqueKey, answer: CritiqueAnswer): CheckOutcome {
  const anchorLabel = labelsById(spec.anchors);
  const typeLabel = labelsById(spec.defectTypes);
  for (const defect of key.defects) {
    if (!typeLabel.has(defect.type)) throw new Error(`defect ${defect.id} has an unknown type: ${defect.type}`);
    const stray = defect.anchors.find((a) => !anchorLabel.has(a));
    if (stray !== undefined) throw new Error(`defect ${defect.id} has an unknown anchor: ${stray}`);
  }
  // The same tick saved twice is one mark: precision must not be raised or lowered by duplicates.
  const marks = [...new Map(answer.marks.map((m) => [`${m.anchor}\u0000${m.type}`, m])).values()];
  const unknown = marks.filter((m) => !anchorLabel.has(m.anchor) || !typeLabel.has(m.type));
  const hits = (defect: CritiqueKey['defects'][number], m: CritiqueAnswer['marks'][number]): boolean =>
    m.type === defect.type && defect.anchors.includes(m.anchor);

  const items: CheckItem[] = [];
  let found = 0;
  for (const defect of key.defects) {
    const ok = marks.some((m) => hits(defect, m));
    if (ok) found += 1;
    const where = defect.anchors.map((a) => anchorLabel.get(a)).join(' or ');
    items.push({
      id: `defect-${defect.id}`,
      label: `${typeLabel.get(defect.type)} at ${where}: ${ok ? 'found' : 'missed'}`,
      status: ok ? 'pass' : 'fail',
      message: defect.why,
    });
  }
  let onTarget = 0;
  for (const m of marks) {
    if (key.defects.some((d) => hits(d, m))) {
      onTarget += 1;
      continue;
    }
    const known = anchorLabel.has(m.anchor) && typeLabel.has(m.type);
    items.push({
      id: `false-mark-${m.anchor}-${m.type}`,
      label: known
        ? `${typeLabel.get(m.type)} at ${anchorLabel.get(m.anchor)}: not a defect there`
        : `Unknown mark ${m.anchor} / ${m.type}`,
      status: 'fail',
      message: key.notes[m.anchor] ?? 'Nothing of that type is wrong at that spot.',
    });
  }
  const precision = shareOf(onTarget, marks.length, 0);
  const recall = found / key.defects.length;
  const passed = unknown.length === 0 && atLeast(precision, key.minPrecision) && atLeast(recall, key.minRecall);
  return {
    status: passed ? 'pass' : 'fail',
    summary: [
      `${found} of ${key.defects.length} defects found`,
      `precision ${percent(precision)} (needs ${percent(key.minPrecision)})`,
      `recall ${percent(recall)} (needs ${percent(key.minRecall)})`,
      ...(unknown.length > 0 ? [`${unknown.length} unknown marks`] : []),
    ].join(' · '),
    items,
    scores: { precision, recall },
  };
}

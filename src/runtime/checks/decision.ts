import type { CheckItem } from '../report/check-report.ts';
import type { CheckOutcome, KeyReveal, SpecOf } from './kind.ts';
import { judgmentKind, labelsById, shareOf } from './judgment-grading.ts';
import {
  decisionAnswerSchema,
  decisionKeySchema,
  withinTolerance,
  type DecisionAnswer,
  type DecisionKey,
} from './decision-key.ts';

/**
 * A decision matrix: the pick must meet every hard constraint (judged on the key's data, not on the
 * learner's figures) and every quoted figure must match the data within the tolerance. Any option that
 * meets the constraints passes, so more than one answer can be right.
 */
export const decisionKind = judgmentKind({
  kind: 'decision',
  keySchema: decisionKeySchema,
  answerSchema: decisionAnswerSchema,
  grade: gradeDecision,
});

/**
 * Grades the matrix. With reveal 'found' a wrong figure is named but its true value is not, and the key's
 * explanation and notes wait for a pass or a final submission: a second submission must read the data.
 */
export function gradeDecision(
  spec: SpecOf<'decision'>,
  key: DecisionKey,
  answer: DecisionAnswer,
  reveal: KeyReveal = 'found',
): CheckOutcome {
  const all = reveal === 'all';
  const items: CheckItem[] = [];
  const optionLabel = labelsById(spec.options);
  const criterion = new Map(spec.criteria.map((c) => [c.id, c]));
  const pct = Math.round(key.tolerance * 100);

  let cells = 0;
  let right = 0;
  for (const option of spec.options) {
    const wrong: string[] = [];
    for (const c of spec.criteria) {
      const expected = key.measurements[option.id]?.[c.id];
      if (expected === undefined) throw new Error(`the answer key has no ${c.id} figure for ${option.id}`);
      cells += 1;
      const quoted = answer.figures[option.id]?.[c.id] ?? null;
      if (quoted !== null && withinTolerance(quoted, expected, key.tolerance)) right += 1;
      else
        wrong.push(
          `${c.label}: ${quoted === null ? 'empty' : `${quoted} ${c.unit}`}${all ? `, the data says ${expected} ${c.unit}` : ', which is not what the data says'}`,
        );
    }
    items.push({
      id: `figures-${option.id}`,
      label: `${option.label}: figures ${wrong.length === 0 ? 'match' : 'do not match'} the data (within ${pct}%)`,
      status: wrong.length === 0 ? 'pass' : 'fail',
      message: [...wrong, all ? key.notes[option.id] : undefined].filter(Boolean).join('. '),
    });
  }

  const pick = answer.choice;
  const pickKnown = pick !== null && optionLabel.has(pick);
  let broken = 0;
  if (!pickKnown) {
    items.push({ id: 'pick', label: 'No option picked', status: 'fail', message: 'Pick the option you would ship.' });
  } else {
    for (const [i, constraint] of key.constraints.entries()) {
      const value = key.measurements[pick]?.[constraint.criterion];
      if (value === undefined) throw new Error(`the answer key has no ${constraint.criterion} figure for ${pick}`);
      const ok =
        (constraint.max === undefined || value <= constraint.max) &&
        (constraint.min === undefined || value >= constraint.min);
      if (!ok) broken += 1;
      const unit = criterion.get(constraint.criterion)?.unit ?? '';
      items.push({
        id: `constraint-${i + 1}`,
        label: `${optionLabel.get(pick)} ${ok ? 'meets' : 'breaks'}: ${constraint.label}`,
        status: ok ? 'pass' : 'fail',
        ...(all || ok ? { message: `The data says ${value} ${unit}.`.replace(' .', '.') } : {}),
      });
    }
  }
  const figuresOk = right === cells;
  const passed = pickKnown && broken === 0 && figuresOk;
  if (passed || all) {
    items.push({
      id: 'explanation',
      label: 'Why',
      status: pickKnown && broken === 0 ? 'pass' : 'fail',
      message: key.explanation,
    });
  }
  const summary = [
    pickKnown
      ? `${optionLabel.get(pick)} ${broken === 0 ? 'meets every hard constraint' : `breaks ${broken} hard constraint${broken === 1 ? '' : 's'}`}`
      : 'no option picked',
    `${right} of ${cells} figures match the data`,
  ].join(' · ');
  return {
    status: passed ? 'pass' : 'fail',
    summary,
    items,
    scores: {
      constraints: pickKnown ? (key.constraints.length - broken) / key.constraints.length : 0,
      figures: shareOf(right, cells, 1),
    },
    counts: { figuresRight: right, figures: cells, constraintsBroken: broken },
  };
}

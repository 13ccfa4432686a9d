import type { CalibrationBin, CheckItem } from '../report/check-report.ts';
import type { CheckOutcome, SpecOf } from './kind.ts';
import { atLeast, atMost, judgmentKind, labelsById } from './judgment-grading.ts';
import {
  brierOf,
  calibrationAnswerSchema,
  calibrationKeySchema,
  type CalibrationAnswer,
  type CalibrationKey,
} from './calibration-key.ts';

/**
 * Calls with a confidence ("approve or not"): every item needs a decision, a reason and a confidence. The
 * mean Brier score over the items must be at or under the exercise's bar, and enough reasons must match the
 * key; the report carries the score and the calibration curve as typed data, never inside a label.
 */
export const calibrationKind = judgmentKind({
  kind: 'calibration',
  keySchema: calibrationKeySchema,
  answerSchema: calibrationAnswerSchema,
  grade: gradeCalibration,
});

export function gradeCalibration(
  spec: SpecOf<'calibration'>,
  key: CalibrationKey,
  answer: CalibrationAnswer,
): CheckOutcome {
  const decisionLabel = labelsById(spec.decisions);
  const reasonLabel = labelsById(spec.reasons);
  const items: CheckItem[] = [];
  const bins = new Map<number, CalibrationBin>();
  let brierSum = 0;
  let right = 0;
  let rightReasons = 0;
  const unanswered: string[] = [];

  for (const item of spec.items) {
    const truth = key.items[item.id];
    if (!truth) throw new Error(`the answer key says nothing about item ${item.id}`);
    if (!decisionLabel.has(truth.decision))
      throw new Error(`the answer key's decision for ${item.id} is not a decision id: ${truth.decision}`);
    const pick = answer.items[item.id];
    const decided = pick?.decision !== undefined && pick.decision !== null && decisionLabel.has(pick.decision);
    const confidence = pick?.confidence ?? null;
    const rightAnswer = `${decisionLabel.get(truth.decision)}, because ${truth.reasons.map((r) => reasonLabel.get(r) ?? r).join(' or ')}`;
    if (!decided || confidence === null) {
      // An item left open scores as a sure wrong call: skipping the hard ones must not lower the score.
      unanswered.push(item.label);
      brierSum += 1;
      items.push({
        id: `item-${item.id}`,
        label: `${item.label}: not answered`,
        status: 'fail',
        message: `${rightAnswer}. ${truth.explanation}`,
      });
      continue;
    }
    const isRight = pick.decision === truth.decision;
    const reasonRight = pick.reason !== null && truth.reasons.includes(pick.reason);
    if (isRight) right += 1;
    if (reasonRight) rightReasons += 1;
    brierSum += brierOf(confidence, isRight);
    const bin = bins.get(confidence) ?? { confidence, count: 0, right: 0 };
    bin.count += 1;
    if (isRight) bin.right += 1;
    bins.set(confidence, bin);
    const said = `${decisionLabel.get(pick.decision ?? '')} at ${Math.round(confidence * 100)}%`;
    items.push({
      id: `item-${item.id}`,
      label: `${item.label}: ${said}, ${isRight ? 'right' : 'wrong'}${isRight && !reasonRight ? ' for another reason' : ''}`,
      status: isRight && reasonRight ? 'pass' : 'fail',
      message: `${rightAnswer}. ${truth.explanation}`,
    });
  }

  const total = spec.items.length;
  const brier = brierSum / total;
  const reasons = rightReasons / total;
  const passed = unanswered.length === 0 && atMost(brier, spec.maxBrier) && atLeast(reasons, key.minReasons);
  const summary = [
    `Brier score ${brier.toFixed(3)} (needs ${spec.maxBrier.toFixed(3)} or less)`,
    `${right} of ${total} calls right`,
    `${rightReasons} of ${total} reasons right (needs ${Math.ceil(key.minReasons * total - 1e-9)})`,
    ...(unanswered.length > 0 ? [`not answered: ${unanswered.join(', ')}`] : []),
  ].join(' · ');
  return {
    status: passed ? 'pass' : 'fail',
    summary,
    items,
    scores: { accuracy: right / total, reasons },
    calibration: {
      brier,
      maxBrier: spec.maxBrier,
      bins: [...bins.values()].sort((a, b) => a.confidence - b.confidence),
    },
  };
}

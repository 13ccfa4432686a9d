import type { CheckItem } from '../report/check-report.ts';
import type { CheckOutcome, KeyReveal, SpecOf } from './kind.ts';
import { judgmentKind, percent, shareOf } from './judgment-grading.ts';
import { impactAnswerSchema, impactKeySchema, type ImpactAnswer, type ImpactKey } from './impact-key.ts';
import { countLabel } from './wording.ts';

/** Predicting what a change breaks: the learner's marks scored by precision and recall against the key. */
export const impactKind = judgmentKind({
  kind: 'impact',
  keySchema: impactKeySchema,
  answerSchema: impactAnswerSchema,
  grade: gradeImpact,
});

/**
 * Grades the marks. With reveal 'found' only the breaking consumers the learner marked are explained; the
 * rest are counted, so a second submission cannot simply copy the verdicts of the first report.
 */
export function gradeImpact(
  spec: SpecOf<'impact'>,
  key: ImpactKey,
  answer: ImpactAnswer,
  reveal: KeyReveal = 'found',
): CheckOutcome {
  const marked = new Set(answer.broken);
  const items: CheckItem[] = [];
  let truePositives = 0;
  let breaking = 0;
  let wrong = 0;
  const missedMustFind: string[] = [];
  for (const consumer of spec.consumers) {
    const truth = key.consumers[consumer.id];
    if (!truth) throw new Error(`the answer key says nothing about consumer ${consumer.id}`);
    const said = marked.has(consumer.id);
    if (truth.breaks) breaking += 1;
    if (truth.breaks && said) truePositives += 1;
    if (said !== truth.breaks) wrong += 1;
    if (truth.mustFind && !said) missedMustFind.push(consumer.label);
    if (reveal === 'found' && !(truth.breaks && said)) continue;
    const verdict = truth.breaks
      ? said
        ? 'Breaks, and you marked it'
        : truth.mustFind
          ? 'Breaks worst, and you did not mark it'
          : 'Breaks, but you did not mark it'
      : said
        ? 'Keeps working, but you marked it'
        : 'Keeps working';
    items.push({
      id: `consumer-${consumer.id}`,
      label: `${consumer.label}: ${verdict}`,
      status: said === truth.breaks ? 'pass' : 'fail',
      message: truth.why,
    });
  }
  const hiddenWrong = reveal === 'found' ? wrong : 0;
  if (hiddenWrong > 0) {
    items.push({
      id: 'wrong-marks',
      label: `${countLabel(hiddenWrong, 'consumer')} marked or left unmarked wrongly`,
      status: 'fail',
      message:
        'Which ones stays hidden until your final submission: follow each consumer through the graph and its code again.',
    });
  }
  if (missedMustFind.length > 0) {
    items.push({
      id: 'must-find',
      label:
        reveal === 'all'
          ? `Not marked, and no answer may miss it: ${missedMustFind.join(', ')}`
          : `You missed ${missedMustFind.length === 1 ? 'the consumer' : `${missedMustFind.length} consumers`} that breaks worst`,
      status: 'fail',
      message: 'Recall is not enough when the one left out is where money goes wrong.',
    });
  }
  const unknown = [...marked].filter((id) => !spec.consumers.some((c) => c.id === id));
  const precision = shareOf(truePositives, marked.size, 0);
  const recall = shareOf(truePositives, breaking, 1);
  const passed =
    unknown.length === 0 && missedMustFind.length === 0 && precision >= key.minPrecision && recall >= key.minRecall;
  const summary = [
    `Precision ${percent(precision)} (needs ${percent(key.minPrecision)})`,
    `recall ${percent(recall)} (needs ${percent(key.minRecall)})`,
    ...(missedMustFind.length > 0 ? ['missed the consumer that breaks worst'] : []),
    ...(unknown.length > 0 ? [`unknown ids: ${unknown.join(', ')}`] : []),
  ].join(' · ');
  return {
    status: passed ? 'pass' : 'fail',
    summary,
    items,
    scores: { precision, recall },
    counts: { marked: marked.size, found: truePositives, breaking, missedMustFind: missedMustFind.length },
  };
}

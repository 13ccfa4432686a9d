import type { CheckItem } from '../report/check-report.ts';
import type { CheckKind, CheckOutcome, SpecOf } from './kind.ts';
import { readAnswer, readAnswerKey } from './json-files.ts';
import { impactAnswerSchema, impactKeySchema, type ImpactAnswer, type ImpactKey } from './impact-key.ts';

/** Predicting what a change breaks: the learner's marks scored by precision and recall against the key. */
export const impactKind: CheckKind<SpecOf<'impact'>> = {
  kind: 'impact',
  toolchain: 'none',
  runtime: 'any',
  reads: (spec) => ({ solution: [], fixtures: [spec.answerKey] }),
  answerKeyIsSecret: true,
  async run(spec, { workspace, bundle }) {
    const key = readAnswerKey(bundle, spec.answerKey, impactKeySchema);
    const read = readAnswer(workspace, spec.file, impactAnswerSchema);
    if ('problem' in read) return { status: 'fail', summary: read.problem };
    return gradeImpact(spec, key, read.answer);
  },
};

export function gradeImpact(spec: SpecOf<'impact'>, key: ImpactKey, answer: ImpactAnswer): CheckOutcome {
  const marked = new Set(answer.broken);
  const items: CheckItem[] = [];
  let truePositives = 0;
  let breaking = 0;
  for (const consumer of spec.consumers) {
    const truth = key.consumers[consumer.id];
    if (!truth) throw new Error(`the answer key says nothing about consumer ${consumer.id}`);
    const said = marked.has(consumer.id);
    if (truth.breaks) breaking += 1;
    if (truth.breaks && said) truePositives += 1;
    const verdict = truth.breaks
      ? said
        ? 'Breaks, and you marked it'
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
  const unknown = [...marked].filter((id) => !spec.consumers.some((c) => c.id === id));
  const precision = marked.size === 0 ? 0 : truePositives / marked.size;
  const recall = breaking === 0 ? 1 : truePositives / breaking;
  const passed = unknown.length === 0 && precision >= key.minPrecision && recall >= key.minRecall;
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  return {
    status: passed ? 'pass' : 'fail',
    summary: `Precision ${percent(precision)} (needs ${percent(key.minPrecision)}) · recall ${percent(recall)} (needs ${percent(key.minRecall)})${unknown.length > 0 ? ` · unknown ids: ${unknown.join(', ')}` : ''}`,
    items,
    scores: { precision, recall },
  };
}

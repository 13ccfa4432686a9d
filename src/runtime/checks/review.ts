import type { CheckItem } from '../report/check-report.ts';
import type { CheckKind, CheckOutcome, SpecOf } from './kind.ts';
import { readAnswer, readAnswerKey } from './json-files.ts';
import {
  reviewAnswerSchema,
  reviewKeySchema,
  type ReviewAnswer,
  type ReviewComment,
  type ReviewKey,
} from './review-key.ts';

/**
 * A review of a seeded pull request, graded against the key's seeded defects: recall on blocking defects,
 * severity calibration, false alarms and the decision. Pure, so the page can grade it once the key is
 * fetched on submit; the key is secret until then.
 */
export const reviewKind: CheckKind<SpecOf<'review'>> = {
  kind: 'review',
  toolchain: 'none',
  runtime: 'any',
  reads: (spec) => ({ solution: [], fixtures: [spec.answerKey] }),
  answerKeyIsSecret: true,
  async run(spec, { workspace, bundle }) {
    const key = readAnswerKey(bundle, spec.answerKey, reviewKeySchema);
    const read = readAnswer(workspace, spec.file, reviewAnswerSchema);
    if ('problem' in read) {
      return { status: 'fail', summary: read.problem, items: revealKey(key) };
    }
    return gradeReview(key, read.answer);
  },
};

type Spot = Pick<ReviewKey['defects'][number], 'file' | 'lines'>;

function anchoredAt(comment: ReviewComment, spot: Spot, slack: number): boolean {
  const [start, end] = spot.lines;
  const from = Math.min(comment.startLine, comment.endLine);
  const to = Math.max(comment.startLine, comment.endLine);
  return comment.file === spot.file && from <= end + slack && to >= start - slack;
}

function matchesDefect(comment: ReviewComment, defect: ReviewKey['defects'][number], slack: number): boolean {
  if (!anchoredAt(comment, defect, slack) || !defect.labels.includes(comment.label)) return false;
  const text = comment.text.toLowerCase();
  return defect.keywords.length === 0 || defect.keywords.some((k) => text.includes(k.toLowerCase()));
}

/** Grades one review; exported for unit tests and for authors checking a key by hand. */
export function gradeReview(key: ReviewKey, answer: ReviewAnswer): CheckOutcome {
  const slack = key.lineSlack;
  const remarks = answer.comments.filter((c) => c.label !== 'praise');
  const praises = answer.comments.filter((c) => c.label === 'praise');
  const items: CheckItem[] = [];

  let blockingFound = 0;
  let miscalibrated = 0;
  for (const defect of key.defects) {
    const hits = remarks.filter((c) => matchesDefect(c, defect, slack));
    const blocking = defect.severity === 'blocking';
    // Any blocking comment on it counts as calling it blocking: that is what the author would have to act on.
    const calledBlocking = hits.some((c) => c.blocking);
    const calibrated = hits.length > 0 && calledBlocking === blocking;
    if (hits.length > 0 && blocking) blockingFound += 1;
    if (hits.length > 0 && !calibrated) miscalibrated += 1;
    const what = hits.length === 0 ? 'Missed' : calibrated ? 'Found' : 'Found, wrong severity';
    const severityNote =
      !calibrated && hits.length > 0
        ? blocking
          ? ' You marked it non-blocking, so the author could merge it as is.'
          : ' You marked it blocking: a non-blocking point held up a merge.'
        : '';
    items.push({
      id: `defect-${defect.id}`,
      label: `${what}: ${defect.title} (${defect.severity})`,
      status: calibrated ? 'pass' : 'fail',
      file: defect.file,
      line: defect.lines[0],
      message: `${defect.explanation}${severityNote}`,
    });
  }

  let praised = 0;
  for (const spot of key.praise) {
    const hit = praises.some((c) => anchoredAt(c, spot, slack));
    if (hit) praised += 1;
    items.push({
      id: `praise-${spot.id}`,
      label: `${hit ? 'Praised' : 'Worth praising'}: ${spot.title}`,
      status: hit ? 'pass' : 'fail',
      file: spot.file,
      line: spot.lines[0],
      message: spot.explanation,
    });
  }

  const falseAlarms = remarks.filter((c) => !key.defects.some((d) => matchesDefect(c, d, slack)));
  falseAlarms.forEach((c, i) => {
    items.push({
      id: `false-alarm-${i + 1}`,
      label: `False alarm: your ${c.label}${c.blocking ? ' (blocking)' : ''} on ${c.file}:${c.startLine} matches no seeded defect`,
      status: 'fail',
      file: c.file,
      line: c.startLine,
      message:
        'Nothing in the key is there with that label. Every comment costs the author time; keep them for real risks.',
    });
  });

  const decisionFits = answer.decision !== null && key.decision.accepted.includes(answer.decision);
  items.push({
    id: 'decision',
    label: `Decision: ${answer.decision ?? 'none'}${decisionFits ? ' fits' : ` does not fit (fits: ${key.decision.accepted.join(' or ')})`}`,
    status: decisionFits ? 'pass' : 'fail',
    message: key.decision.explanation,
  });

  const blockingTotal = key.defects.filter((d) => d.severity === 'blocking').length;
  const found =
    key.defects.length - items.filter((i) => i.id.startsWith('defect-') && i.label.startsWith('Missed')).length;
  const blockingRecall = blockingTotal === 0 ? 1 : blockingFound / blockingTotal;
  const { pass } = key;
  const passed =
    blockingRecall >= pass.minBlockingRecall &&
    miscalibrated <= pass.maxMiscalibrated &&
    falseAlarms.length <= pass.maxFalseAlarms &&
    decisionFits &&
    (!pass.requirePraise || praised > 0 || key.praise.length === 0);
  const summary = [
    `Found ${blockingFound} of ${blockingTotal} blocking defects`,
    `${miscalibrated} with the wrong severity`,
    `${falseAlarms.length} false alarm${falseAlarms.length === 1 ? '' : 's'}`,
    decisionFits ? 'decision fits' : 'decision does not fit',
    ...(pass.requirePraise && key.praise.length > 0 && praised === 0 ? ['nothing praised'] : []),
  ].join(' · ');
  return {
    status: passed ? 'pass' : 'fail',
    summary,
    items,
    scores: {
      blockingRecall,
      calibration: found === 0 ? 0 : (found - miscalibrated) / found,
      precision: remarks.length === 0 ? 0 : (remarks.length - falseAlarms.length) / remarks.length,
      decision: decisionFits ? 1 : 0,
      praise: key.praise.length === 0 ? 1 : praised / key.praise.length,
    },
  };
}

/** The key as report items, for a review that could not be read: the learner still learns what was there. */
function revealKey(key: ReviewKey): CheckItem[] {
  return key.defects.map((d) => ({
    id: `defect-${d.id}`,
    label: `Missed: ${d.title} (${d.severity})`,
    status: 'fail' as const,
    file: d.file,
    line: d.lines[0],
    message: d.explanation,
  }));
}

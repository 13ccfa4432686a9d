import type { CheckItem } from '../report/check-report.ts';
import type { CheckOutcome, KeyReveal, SpecOf } from './kind.ts';
import { judgmentKind, shareOf } from './judgment-grading.ts';
import {
  isAsked,
  reviewAnswerSchema,
  reviewKeySchema,
  type ReviewAnswer,
  type ReviewComment,
  type ReviewKey,
} from './review-key.ts';
import { countLabel } from './wording.ts';

/**
 * A review of a seeded pull request, graded against the key's seeded defects: recall on blocking defects,
 * severity calibration, false alarms and the decision. Pure, so the page can grade it once the key is
 * fetched on submit; the key is secret until then.
 */
export const reviewKind = judgmentKind({
  kind: 'review',
  keySchema: reviewKeySchema,
  answerSchema: reviewAnswerSchema,
  grade: (_spec: SpecOf<'review'>, key, answer, reveal) => gradeReview(key, answer, reveal),
  // An unreadable review after a final submission still shows the key: there is no second chance to hide.
  unreadable: (key, reveal) => (reveal === 'all' ? { items: revealKey(key) } : {}),
});

type Defect = ReviewKey['defects'][number];
type Spot = Pick<Defect, 'file' | 'lines'>;

function anchoredAt(comment: ReviewComment, spot: Spot, slack: number): boolean {
  const [start, end] = spot.lines;
  const from = Math.min(comment.startLine, comment.endLine);
  const to = Math.max(comment.startLine, comment.endLine);
  return comment.file === spot.file && from <= end + slack && to >= start - slack;
}

/** The key's concepts the comment mentions (all of them when the defect lists none). */
function conceptsMentioned(comment: ReviewComment, defect: Defect): string[] {
  const text = comment.text.toLowerCase();
  return defect.concepts.filter((c) => c.terms.some((t) => text.includes(t.toLowerCase()))).map((c) => c.name);
}

/** Whether the comment could be about the defect: anchored there, with a fitting label, saying what it is. */
function couldFind(comment: ReviewComment, defect: Defect, slack: number): boolean {
  if (!anchoredAt(comment, defect, slack) || !defect.labels.includes(comment.label)) return false;
  return defect.concepts.length === 0 || conceptsMentioned(comment, defect).length > 0;
}

/**
 * Gives each comment at most one defect, finding as many different defects as the comments allow (a
 * maximum bipartite matching: a comment that could be about two defects takes the one no other comment
 * finds). Comments left over that could still be about a found defect repeat it; the rest are false alarms.
 */
function assign(remarks: readonly ReviewComment[], defects: readonly Defect[], slack: number): (number | undefined)[] {
  const candidates = remarks.map((c) => defects.flatMap((d, i) => (couldFind(c, d, slack) ? [i] : [])));
  const owner = new Map<number, number>(); // defect index → comment index
  const tryComment = (ci: number, seen: Set<number>): boolean => {
    for (const di of candidates[ci] ?? []) {
      if (seen.has(di)) continue;
      seen.add(di);
      const holder = owner.get(di);
      if (holder === undefined || tryComment(holder, seen)) {
        owner.set(di, ci);
        return true;
      }
    }
    return false;
  };
  remarks.forEach((_, ci) => tryComment(ci, new Set()));
  const assigned: (number | undefined)[] = remarks.map(() => undefined);
  for (const [di, ci] of owner) assigned[ci] = di;
  // A second comment on a defect already found: it points at a real defect, it just finds nothing new.
  return assigned.map((di, ci) => di ?? candidates[ci]?.find((d) => owner.has(d)));
}

function where(c: ReviewComment): string {
  return c.startLine === c.endLine ? `${c.file}:${c.startLine}` : `${c.file}:${c.startLine}–${c.endLine}`;
}

/**
 * Grades one review; exported for unit tests and for authors checking a key by hand. With reveal 'found'
 * (what a learner sees before a final submission) a missed defect, an unpraised spot and the fitting
 * decision are counted but not named, so submitting again cannot copy them from the report.
 */
export function gradeReview(key: ReviewKey, answer: ReviewAnswer, reveal: KeyReveal = 'found'): CheckOutcome {
  const slack = key.lineSlack;
  const remarks = answer.comments.filter((c) => c.label !== 'praise');
  const praises = answer.comments.filter((c) => c.label === 'praise');
  const owners = assign(remarks, key.defects, slack);
  const items: CheckItem[] = [];

  let blockingFound = 0;
  let missed = 0;
  let missedAskedNits = 0;
  let miscalibrated = 0;
  // Severity is scored over the real defects found that the key asks for, plus any unasked nit held up as
  // blocking. A review that found none of them called no severity right: style-only reviews score 0 here.
  let severityCalls = 0;
  let severityRight = 0;
  let hidden = 0;
  // Comments on a defect the key does not ask for and that were called right: real, but scored neither way.
  const neutral = new Set<number>();
  key.defects.forEach((defect, di) => {
    const hits = remarks.flatMap((c, ci) => (owners[ci] === di ? [{ c, ci }] : []));
    const blocking = defect.severity === 'blocking';
    const asked = isAsked(defect);
    const found = hits.length > 0;
    // Any blocking comment on it counts as calling it blocking: that is what the author would have to act on.
    const calibrated = found && hits.some((h) => h.c.blocking) === blocking;
    if (found && blocking) blockingFound += 1;
    if (!found && asked) missed += 1;
    if (!found && asked && !blocking) missedAskedNits += 1;
    if (found && !calibrated) miscalibrated += 1;
    if (found && (asked || !calibrated)) severityCalls += 1;
    if (found && asked && calibrated) severityRight += 1;
    if (found && calibrated && !asked) hits.forEach((h) => neutral.add(h.ci));
    if (!found && (!asked || reveal === 'found')) {
      if (asked) hidden += 1;
      // An unasked nit nobody mentioned is no failure; after a final submission it is listed as information.
      if (!asked && reveal === 'all') items.push(optionalItem(defect));
      return;
    }
    const what = !found
      ? 'Missed'
      : calibrated
        ? asked
          ? 'Found'
          : 'Also found (not required)'
        : 'Found, wrong severity';
    const severityNote =
      found && !calibrated
        ? blocking
          ? ' You marked it non-blocking, so the author could merge it as is.'
          : ' You marked it blocking: a non-blocking point held up a merge.'
        : '';
    const mentioned = [...new Set(hits.flatMap((h) => conceptsMentioned(h.c, defect)))];
    const by = found
      ? ` Found by your ${hits.map((h) => `${h.c.label} on ${where(h.c)}`).join(' and ')}${mentioned.length > 0 ? ` (you mentioned: ${mentioned.join(', ')})` : ''}.`
      : '';
    items.push({
      id: `defect-${defect.id}`,
      label: `${what}: ${defect.title} (${defect.severity})`,
      status: found && calibrated ? 'pass' : 'fail',
      file: defect.file,
      line: defect.lines[0],
      message: `${defect.explanation}${severityNote}${by}`,
      defect: {
        id: defect.id,
        outcome: !found ? 'missed' : calibrated ? (asked ? 'found' : 'optional') : 'miscalibrated',
      },
    });
  });
  if (hidden > 0) {
    items.push({
      id: 'missed',
      label: `Missed: ${countLabel(hidden, 'defect')} the review was asked to find`,
      status: 'fail',
      message:
        'Which ones stays hidden until your final submission, so that submitting again tests your review, not your memory of the key.',
    });
  }

  // Praise is scored only where the key asks for it; otherwise a praise comment is simply welcome.
  const praiseAsked = key.pass.requirePraise && key.praise.length > 0;
  let praised = 0;
  for (const spot of key.praise) {
    const hit = praises.filter((c) => anchoredAt(c, spot, slack));
    if (hit.length > 0) praised += 1;
    if (!praiseAsked || (hit.length === 0 && reveal === 'found')) continue;
    items.push({
      id: `praise-${spot.id}`,
      label: `${hit.length > 0 ? 'Praised' : 'Worth praising'}: ${spot.title}`,
      status: hit.length > 0 ? 'pass' : 'fail',
      file: spot.file,
      line: spot.lines[0],
      message: spot.explanation,
    });
  }
  if (praiseAsked && praised === 0) {
    items.push({
      id: 'praise',
      label:
        praises.length === 0
          ? 'Nothing praised: the key asks you to name one thing the author should keep doing'
          : `Your ${countLabel(praises.length, 'praise comment')} ${praises.length === 1 ? 'is' : 'are'} not on code the key singles out`,
      status: 'fail',
      message:
        praises.length === 0
          ? 'Sincere, specific praise tells the author what to keep; add one praise comment.'
          : 'Praise the part of the change that most deserves it: look for what makes the change safe to maintain.',
    });
  }

  const falseAlarms = remarks.filter((_, ci) => owners[ci] === undefined);
  remarks.forEach((c, ci) => {
    if (owners[ci] !== undefined) return;
    items.push({
      id: `false-alarm-${ci + 1}`,
      label: `False alarm: your ${c.label}${c.blocking ? ' (blocking)' : ''} on ${where(c)} matches no seeded defect`,
      status: 'fail',
      file: c.file,
      line: c.startLine,
      message:
        'Nothing in the key is there with that label and that concern. Every comment costs the author time; keep them for real risks.',
    });
  });

  const decisionFits = answer.decision !== null && key.decision.accepted.includes(answer.decision);
  const showDecision = decisionFits || reveal === 'all';
  items.push({
    id: 'decision',
    label: `Decision: ${answer.decision ?? 'none'}${decisionFits ? ' fits' : ' does not fit'}${showDecision && !decisionFits ? ` (fits: ${key.decision.accepted.join(' or ')})` : ''}`,
    status: decisionFits ? 'pass' : 'fail',
    ...(showDecision ? { message: key.decision.explanation } : {}),
  });

  const blockingTotal = key.defects.filter((d) => d.severity === 'blocking').length;
  const blockingRecall = shareOf(blockingFound, blockingTotal, 1);
  // Comments that point at a real defect, out of those that were scored (a right call on an unasked nit is neither).
  const scoredRemarks = remarks.length - neutral.size;
  const pointing = remarks.filter((_, ci) => owners[ci] !== undefined && !neutral.has(ci)).length;
  const { pass } = key;
  const passed =
    blockingRecall >= pass.minBlockingRecall &&
    missedAskedNits === 0 &&
    miscalibrated <= pass.maxMiscalibrated &&
    falseAlarms.length <= pass.maxFalseAlarms &&
    decisionFits &&
    (!praiseAsked || praised > 0);
  const summary = [
    `Found ${blockingFound} of ${blockingTotal} blocking defects`,
    `${miscalibrated} with the wrong severity`,
    countLabel(falseAlarms.length, 'false alarm'),
    decisionFits ? 'decision fits' : 'decision does not fit',
    ...(praiseAsked && praised === 0
      ? [praises.length === 0 ? 'nothing praised' : 'praise not on what the key singles out']
      : []),
  ].join(' · ');
  return {
    status: passed ? 'pass' : 'fail',
    summary,
    items,
    scores: {
      blockingRecall,
      calibration: shareOf(severityRight, severityCalls, 0),
      precision: shareOf(pointing, scoredRemarks, 0),
      decision: decisionFits ? 1 : 0,
      ...(praiseAsked ? { praise: praised / key.praise.length } : {}),
    },
    counts: {
      blockingFound,
      blockingTotal,
      missed,
      miscalibrated,
      falseAlarms: falseAlarms.length,
      ...(praiseAsked ? { praised } : {}),
    },
  };
}

function optionalItem(defect: Defect): CheckItem {
  return {
    id: `defect-${defect.id}`,
    label: `Not required: ${defect.title} (${defect.severity})`,
    status: 'pass',
    file: defect.file,
    line: defect.lines[0],
    message: `${defect.explanation} The key does not ask for it, so leaving it out costs nothing.`,
    defect: { id: defect.id, outcome: 'optional' },
  };
}

/** The key as report items, for a review that could not be read, after a final submission. */
function revealKey(key: ReviewKey): CheckItem[] {
  return key.defects.filter(isAsked).map((d) => ({
    id: `defect-${d.id}`,
    label: `Missed: ${d.title} (${d.severity})`,
    status: 'fail' as const,
    file: d.file,
    line: d.lines[0],
    message: d.explanation,
    defect: { id: d.id, outcome: 'missed' as const },
  }));
}

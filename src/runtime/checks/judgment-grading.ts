import { z } from 'astro/zod';
import type { CheckSpec } from '../../content/schema/exercise.ts';
import type { CheckKind, CheckOutcome, KeyReveal } from './kind.ts';
import { readAnswer, readAnswerKey } from './json-files.ts';

/**
 * What the judgment kinds (review, decision, impact, calibration, critique) share: each reads a secret
 * answer key and a JSON answer, and scores with the same few pieces of arithmetic. Each kind keeps its own
 * grading; only what was written five times lives here.
 */

/** The spec of a kind with an answer key under fixtures/ and the learner's answer in one workspace file. */
type AnswerKeySpec = Extract<CheckSpec, { answerKey: string; file: string }>;

export interface JudgmentKindParts<S extends AnswerKeySpec, K extends z.ZodType, A extends z.ZodType> {
  kind: S['kind'];
  /** The schema of the answer key under fixtures/ (an author's file: a bad one is an error, not a fail). */
  keySchema: K;
  /** The schema of the learner's answer file in the workspace (theirs to fix: a bad one is a fail). */
  answerSchema: A;
  grade(spec: S, key: z.infer<K>, answer: z.infer<A>, reveal: KeyReveal): CheckOutcome;
  /** What the report adds to an unreadable answer, given the key (a review reveals it after a final submit). */
  unreadable?(key: z.infer<K>, reveal: KeyReveal): Partial<CheckOutcome>;
}

/**
 * A check kind graded against a secret answer key: pure (no toolchain, any runtime), reading only its
 * key besides the workspace, so the engine grades it on submit where the learner cannot read the key.
 */
export function judgmentKind<S extends AnswerKeySpec, K extends z.ZodType, A extends z.ZodType>(
  parts: JudgmentKindParts<S, K, A>,
): CheckKind<S> {
  return {
    kind: parts.kind,
    toolchain: 'none',
    runtime: 'any',
    reads: (spec) => ({ solution: [], fixtures: [spec.answerKey] }),
    answerKeyIsSecret: true,
    async run(spec, { workspace, bundle, reveal }) {
      const key = readAnswerKey(bundle, spec.answerKey, parts.keySchema);
      const read = readAnswer(workspace, spec.file, parts.answerSchema);
      if ('problem' in read) return { status: 'fail', summary: read.problem, ...parts.unreadable?.(key, reveal) };
      return parts.grade(spec, key, read.answer, reveal);
    },
  };
}

/** A share 0..1 in an answer key (a pass bar such as minRecall), with the default the kind documents. */
export function shareSchema(fallback: number) {
  return z.number().min(0).max(1).default(fallback);
}

/** part / whole, or `ifNone` when there is nothing to divide by (no marks: precision 0; nothing to find: recall 1). */
export function shareOf(part: number, whole: number, ifNone: number): number {
  return whole === 0 ? ifNone : part / whole;
}

/**
 * Whether a score reaches its bar, forgiving float error (7/10 of something against 0.7 must pass). Use
 * `atMost` for bars that are ceilings, such as a Brier score.
 */
export function atLeast(score: number, bar: number): boolean {
  return score >= bar - 1e-9;
}

export function atMost(score: number, bar: number): boolean {
  return score <= bar + 1e-9;
}

/** A share as a whole percentage for a summary: 0.666… → "67%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Id → label of a spec's options, decisions, anchors…: what reports show instead of ids. */
export function labelsById(entries: readonly { id: string; label: string }[]): Map<string, string> {
  return new Map(entries.map((e) => [e.id, e.label]));
}

import { z } from 'astro/zod';
import { shareSchema } from './judgment-grading.ts';

/** The answer key of a `calibration` check: the right decision and reason per item, with the explanation. */
export const calibrationKeySchema = z
  .object({
    /** Every item id of the check, with what a careful reviewer decides and why; revealed after submit. */
    items: z.record(
      z.string(),
      z
        .object({
          /** The decision id that is right for this item. */
          decision: z.string().min(1),
          /** Reason ids that justify it; naming any one of them counts as the right reason. */
          reasons: z.array(z.string().min(1)).min(1),
          /** Why, in a few sentences, with the evidence in the item that decides it. */
          explanation: z.string().min(10),
        })
        .strict(),
    ),
    /** Share of items whose reason must be one of the key's, 0..1; a right call for the wrong reason is luck. */
    minReasons: shareSchema(0.5),
  })
  .strict();
export type CalibrationKey = z.infer<typeof calibrationKeySchema>;

/** One item's answer: null until the learner picks it. */
export const calibrationPickSchema = z
  .object({
    /** The decision id picked. */
    decision: z.string().nullable(),
    /** The reason id picked. */
    reason: z.string().nullable(),
    /** How sure the learner is that the decision is right, 0..1. */
    confidence: z.number().min(0).max(1).nullable(),
  })
  .strict();
export type CalibrationPick = z.infer<typeof calibrationPickSchema>;

/** The learner's calls, as the calibration form saves them (calibration.json in the workspace). */
export const calibrationAnswerSchema = z
  .object({
    /** Item id → the learner's pick. */
    items: z.record(z.string(), calibrationPickSchema),
  })
  .strict();
export type CalibrationAnswer = z.infer<typeof calibrationAnswerSchema>;

/**
 * Brier score of one call: the squared distance between the stated confidence that the decision is right
 * and what happened (1 right, 0 wrong). 0 is a sure right call, 1 a sure wrong one, 0.25 a coin flip.
 */
export function brierOf(confidence: number, right: boolean): number {
  return (confidence - (right ? 1 : 0)) ** 2;
}

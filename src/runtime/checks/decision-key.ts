import { z } from 'astro/zod';

/** The answer key of a `decision` check: the true figures, the hard constraints, and the explanations. */
export const decisionKeySchema = z
  .object({
    /** The figure each option has on each criterion, from the exercise's data: option id → criterion id → value. */
    measurements: z.record(z.string(), z.record(z.string(), z.number())),
    /** Pass/fail requirements; an option that breaks one cannot be picked, however good it is otherwise. */
    constraints: z
      .array(
        z
          .object({
            /** Criterion id the constraint is on. */
            criterion: z.string().min(1),
            /** Highest allowed value, inclusive. */
            max: z.number().optional(),
            /** Lowest allowed value, inclusive. */
            min: z.number().optional(),
            /** The constraint in words, e.g. "p99 ≤ 50 ms at peak (the SLO)". */
            label: z.string().min(3),
          })
          .strict()
          .refine((c) => c.max !== undefined || c.min !== undefined, 'give max, min or both'),
      )
      .min(1),
    /** Allowed relative difference between a quoted figure and the data, e.g. 0.1 for 10%. */
    tolerance: z.number().positive().max(1).default(0.1),
    /** Why the passing options pass and the others do not, revealed after submit. */
    explanation: z.string().min(10),
    /** One note per option id, revealed after submit. */
    notes: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type DecisionKey = z.infer<typeof decisionKeySchema>;

/** The learner's matrix, as the matrix form saves it (decision.json in the workspace). */
export const decisionAnswerSchema = z
  .object({
    /** The option id picked; null until the learner picks one. */
    choice: z.string().nullable(),
    /** Figures quoted: option id → criterion id → value, null where not filled in yet. */
    figures: z.record(z.string(), z.record(z.string(), z.number().nullable())),
    /** Why, in the learner's words; never scored. */
    reason: z.string().default(''),
  })
  .strict();
export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;

/** Whether `value` is within `tolerance` (relative) of `expected`; an exact zero must be quoted as zero. */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  if (expected === 0) return value === 0;
  return Math.abs(value - expected) / Math.abs(expected) <= tolerance + 1e-9;
}

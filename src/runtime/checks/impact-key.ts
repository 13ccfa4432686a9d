import { z } from 'astro/zod';
import { shareSchema } from './judgment-grading.ts';

/** The answer key of an `impact` check: which consumers the change breaks, why, and the bar to pass. */
export const impactKeySchema = z
  .object({
    /** Every consumer id of the check, with whether it breaks and why; revealed after submit. */
    consumers: z.record(
      z.string(),
      z
        .object({
          /** True when the proposed change breaks this consumer. */
          breaks: z.boolean(),
          /** The path through the dependency graph that breaks it, or why it is safe. */
          why: z.string().min(10),
          /**
           * A breaking consumer no answer may miss, whatever its recall (the one that "breaks worst", e.g.
           * merchant payouts): missing it fails the check on its own.
           */
          mustFind: z.boolean().default(false),
        })
        .strict(),
    ),
    /** Share of the learner's marks that are right, 0..1. */
    minPrecision: shareSchema(0.8),
    /** Share of the breaking consumers the learner marked, 0..1. */
    minRecall: shareSchema(1),
  })
  .strict()
  .refine(
    (key) => Object.values(key.consumers).every((c) => !c.mustFind || c.breaks),
    'a consumer marked mustFind must break',
  );
export type ImpactKey = z.infer<typeof impactKeySchema>;

/** The learner's marks, as the checklist saves them (impact.json in the workspace). */
export const impactAnswerSchema = z
  .object({
    /** Consumer ids the learner expects to break. */
    broken: z.array(z.string()),
  })
  .strict();
export type ImpactAnswer = z.infer<typeof impactAnswerSchema>;

import { z } from 'astro/zod';
import { shareSchema } from './judgment-grading.ts';

/** The answer key of a `critique` check: the defects seeded in the document, and the bar to pass. */
export const critiqueKeySchema = z
  .object({
    /** The seeded defects; each is found by one mark of its type on any of its anchors. */
    defects: z
      .array(
        z
          .object({
            /** Stable id, for the report. */
            id: z.string().min(1),
            /** Defect type id (one of the check's defectTypes). */
            type: z.string().min(1),
            /** Anchor ids where marking it counts; a defect such as "no rollback plan" may fit several sections. */
            anchors: z.array(z.string().min(1)).min(1),
            /** What is wrong and what a good document says instead; revealed after submit. */
            why: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    /** Why the tempting spots that are fine are fine, by anchor id; shown when the learner marked them. */
    notes: z.record(z.string(), z.string()).default({}),
    /** Share of the learner's marks that hit a defect, 0..1. */
    minPrecision: shareSchema(0.7),
    /** Share of the seeded defects the learner found, 0..1. */
    minRecall: shareSchema(0.7),
  })
  .strict();
export type CritiqueKey = z.infer<typeof critiqueKeySchema>;

/** The learner's marks, as the critique form saves them (critique.json in the workspace). */
export const critiqueAnswerSchema = z
  .object({
    /** One mark per anchor and defect type the learner ticked. */
    marks: z.array(
      z
        .object({
          /** Anchor id in the document. */
          anchor: z.string().min(1),
          /** Defect type id. */
          type: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type CritiqueAnswer = z.infer<typeof critiqueAnswerSchema>;

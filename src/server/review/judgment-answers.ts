import type { Exercise } from '../../content/schema/exercise.ts';
import type { Submission } from '../../shared-api/assignments-api.ts';
import type { z } from 'astro/zod';
import type { judgmentAnswerSchema } from '../../shared-api/review-api.ts';

const JUDGMENT_KINDS = new Set(['review', 'decision', 'impact', 'calibration', 'critique']);

/**
 * For each judgment check of the exercise, the learner's answer file in this revision and its result: the
 * newest server report's, else the browser's. The answer is the learner's own file, never the key.
 */
export function judgmentAnswers(meta: Exercise, submission: Submission): z.infer<typeof judgmentAnswerSchema>[] {
  const report = submission.serverReports.at(-1)?.report ?? submission.browserReport;
  return meta.checks.flatMap((check) =>
    JUDGMENT_KINDS.has(check.kind) && 'file' in check && typeof check.file === 'string'
      ? [
          {
            checkId: check.id,
            kind: check.kind,
            title: check.title,
            file: check.file,
            answer: submission.files[check.file] ?? '',
            result: report?.checks.find((r) => r.id === check.id) ?? null,
          },
        ]
      : [],
  );
}

import type { CheckSpec } from '../../content/schema/exercise.ts';

/** Check kinds answered with forms (a review, a matrix, a checklist), not code: the page picks its island by them. */
export const JUDGMENT_KINDS: ReadonlySet<CheckSpec['kind']> = new Set([
  'review',
  'decision',
  'impact',
  'calibration',
  'critique',
]);

/** Whether an exercise is answered in the judgment island rather than the code workbench. */
export function isJudgmentExercise(checks: readonly Pick<CheckSpec, 'kind'>[]): boolean {
  return checks.some((c) => JUDGMENT_KINDS.has(c.kind));
}

import type { Files, Toolchain } from '../checks/toolchain.ts';
import { kindOf } from '../checks/registry.ts';
import type { ExerciseBundle } from '../exercise/bundle.ts';
import { failureSignatures, type FailureSignature } from '../report/failure-signatures.ts';
import { runChecks } from './run-checks.ts';

/**
 * The signatures a learner-visible report must not name: the seeded defects a review missed, which a
 * report graded with reveal 'found' only counts (so resubmitting tests the review, not a memory of the key).
 * The server grades the answer-key checks once more with reveal 'all' for its staff-side signature rows;
 * those kinds are pure (no tools), so this costs milliseconds, and the learner's report stays as it was.
 */
export async function revealedSignatures(
  bundle: ExerciseBundle,
  files: Files,
  toolchain: Toolchain,
  signal?: AbortSignal,
): Promise<FailureSignature[]> {
  const checks = bundle.meta.checks.filter((spec) => kindOf(spec).answerKeyIsSecret);
  if (checks.length === 0) return [];
  const keyOnly = { ...bundle, meta: { ...bundle.meta, checks } };
  const report = await runChecks(keyOnly, files, toolchain, { reveal: 'all', ...(signal ? { signal } : {}) });
  return failureSignatures(report).filter((s) => s.kind === 'defect');
}

import type { CheckSpec } from '../../../content/schema/exercise.ts';

/**
 * Which of the exercise's checks a toolchain call belongs to, recognised by what it asks for: a lint
 * check by its config and files, a typecheck check by its root files, a tests check by its test files, a learner-tests check by the learner's
 * test files. Undefined when no check matches (the call then goes unannounced).
 */
export function checkServedBy(
  checks: readonly CheckSpec[],
  kind: 'lint' | 'test' | 'typecheck',
  targets: readonly string[],
  config?: string,
): string | undefined {
  const wanted = new Set(targets);
  const covers = (files: readonly string[]): boolean => files.every((file) => wanted.has(file));
  for (const check of checks) {
    if (kind === 'lint' && check.kind === 'lint' && check.config === config && covers(check.files)) return check.id;
    if (kind === 'typecheck' && check.kind === 'typecheck' && covers(check.files)) return check.id;
    if (kind === 'test' && check.kind === 'tests' && covers(check.files)) return check.id;
    if (kind === 'test' && check.kind === 'learner-tests' && covers(check.tests)) return check.id;
  }
  return undefined;
}

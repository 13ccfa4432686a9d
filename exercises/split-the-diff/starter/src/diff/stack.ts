import { check, mainBranch } from './codebase';
import { HUNKS, type Hunk } from './hunks';

export interface StepResult {
  step: number;
  hunks: Hunk[];
  /** Build errors and failing tests after this step is merged on top of the ones before it. */
  failures: string[];
}

/** Problems with the plan as a list: unknown ids, hunks left out or used twice, empty steps. */
export function planProblems(plan: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const known = new Set(HUNKS.map((h) => h.id));
  const seen = new Map<string, number>();
  plan.forEach((step, i) => {
    if (step.length === 0) problems.push(`step ${i + 1} is empty`);
    for (const id of step) {
      if (!known.has(id)) problems.push(`step ${i + 1}: there is no hunk ${id}`);
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  });
  for (const hunk of HUNKS) {
    const count = seen.get(hunk.id) ?? 0;
    if (count === 0) problems.push(`${hunk.id} (${hunk.file}) is in no step: the stack must add up to the whole diff`);
    if (count > 1) problems.push(`${hunk.id} is in ${count} steps`);
  }
  return problems;
}

/**
 * Merges the steps one by one on top of main, like `git rebase -x "npm run check && npm test"`. Within a
 * step, hunks apply in the diff's order (a commit has no order inside it).
 */
export function runStack(plan: readonly (readonly string[])[]): StepResult[] {
  const code = mainBranch();
  return plan.map((ids, i) => {
    const hunks = HUNKS.filter((h) => ids.includes(h.id));
    for (const hunk of hunks) hunk.apply(code);
    return { step: i + 1, hunks, failures: check(code) };
  });
}

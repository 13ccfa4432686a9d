/**
 * Lint for editor markers in exercises that grade no lint check of their own: a few core rules that find
 * bugs (never style), as warnings. Not graded; it gives every code exercise instant feedback while
 * typing, which is the point of the worker engine. Plain ESM with core rules only, like an exercise's
 * own config, so every engine can evaluate it.
 */
export const EDITOR_LINT_CONFIG_PATH = '.craftpath/editor.eslint.config.js';

const rules = [
  'array-callback-return',
  'eqeqeq',
  'no-async-promise-executor',
  'no-compare-neg-zero',
  'no-cond-assign',
  'no-constant-binary-expression',
  'no-constant-condition',
  'no-dupe-else-if',
  'no-dupe-keys',
  'no-duplicate-case',
  'no-fallthrough',
  'no-loss-of-precision',
  'no-promise-executor-return',
  'no-self-assign',
  'no-self-compare',
  'no-sparse-arrays',
  'no-unmodified-loop-condition',
  'no-unreachable',
  'no-unsafe-finally',
  'no-unsafe-negation',
  'use-isnan',
  'valid-typeof',
];

export const EDITOR_LINT_CONFIG = `export default [{ rules: { ${rules.map((r) => `'${r}': 'warn'`).join(', ')} } }];\n`;

/** Editable source files the default config lints: the learner's own code, not tests or documents. */
export function editorLintTargets(editable: readonly string[]): string[] {
  return editable.filter((p) => /\.(c|m)?[jt]s$/.test(p));
}

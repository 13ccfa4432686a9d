/**
 * Where a rule's documentation lives, so every lint problem can link to the reason behind it. ESLint's
 * plain JSON formatter carries no rule metadata, hence the derivation from the rule id's namespace.
 */
export function ruleDocsUrl(ruleId: string): string | undefined {
  if (/^[a-z-]+$/.test(ruleId)) return `https://eslint.org/docs/latest/rules/${ruleId}`;
  const tsRule = /^@typescript-eslint\/([a-z-]+)$/.exec(ruleId);
  if (tsRule) return `https://typescript-eslint.io/rules/${tsRule[1]}`;
  return undefined;
}

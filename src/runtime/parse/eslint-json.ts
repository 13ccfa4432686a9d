import type { LintProblem } from '../report/check-report.ts';
import { asArray, asNumber, asString, isObject, parseJsonText } from './json-guards.ts';
import { toWorkspacePath } from './paths.ts';
import { ruleDocsUrl } from './rule-docs-url.ts';

export interface EslintParseOptions {
  /** Absolute folder the workspace was written to; reported paths are made relative to it. */
  root: string;
}

/**
 * Reads the output of `eslint --format json` (an array of file results), or of `json-with-metadata`
 * (`{ results, metadata }`), into lint problems. Shared by the Node and WebContainer engines, which both
 * receive it as text from a child process.
 */
export function parseEslintJson(text: string, options: EslintParseOptions): LintProblem[] {
  const data = parseJsonText(text, 'ESLint');
  const results = isObject(data) ? asArray(data['results']) : asArray(data);
  const metaDocs = isObject(data) ? rulesMetaDocs(data['metadata']) : new Map<string, string>();
  if (!Array.isArray(data) && !(isObject(data) && Array.isArray(data['results']))) {
    throw new Error('ESLint JSON: expected an array of file results');
  }
  const problems: LintProblem[] = [];
  for (const result of results) {
    if (!isObject(result)) continue;
    const filePath = asString(result['filePath']) ?? '';
    const file = toWorkspacePath(filePath, options.root) ?? filePath;
    for (const message of asArray(result['messages'])) {
      if (isObject(message)) problems.push(toProblem(file, message, metaDocs));
    }
  }
  return problems;
}

function toProblem(file: string, message: Record<string, unknown>, metaDocs: Map<string, string>): LintProblem {
  const ruleId = asString(message['ruleId']) ?? null;
  const problem: LintProblem = {
    file,
    line: Math.max(0, asNumber(message['line']) ?? 0),
    column: Math.max(0, asNumber(message['column']) ?? 0),
    ruleId,
    // ESLint's numeric severities: 1 warning, 2 error; fatal parse errors come as 2 with no rule.
    severity: asNumber(message['severity']) === 1 ? 'warning' : 'error',
    message: asString(message['message']) ?? '(no message)',
  };
  const endLine = asNumber(message['endLine']);
  const endColumn = asNumber(message['endColumn']);
  if (endLine !== undefined) problem.endLine = endLine;
  if (endColumn !== undefined) problem.endColumn = endColumn;
  const docsUrl = ruleId === null ? undefined : (metaDocs.get(ruleId) ?? ruleDocsUrl(ruleId));
  if (docsUrl !== undefined) problem.docsUrl = docsUrl;
  return problem;
}

function rulesMetaDocs(metadata: unknown): Map<string, string> {
  const urls = new Map<string, string>();
  const rulesMeta = isObject(metadata) ? metadata['rulesMeta'] : undefined;
  if (!isObject(rulesMeta)) return urls;
  for (const [ruleId, meta] of Object.entries(rulesMeta)) {
    const url = isObject(meta) && isObject(meta['docs']) ? asString(meta['docs']['url']) : undefined;
    if (url !== undefined) urls.set(ruleId, url);
  }
  return urls;
}

import { Linter } from 'eslint/universal';
import { transform } from 'sucrase';
import type { LintProblem } from '../../report/check-report.ts';
import type { Files, LintRequest } from '../../checks/toolchain.ts';
import { createModuleLoader, isTypeScript, ModuleSyntaxError } from './module-loader.ts';
import { lintConfigSyntaxError } from '../../checks/lint-config-error.ts';
import { decodeMappings, originalPosition, type LineMappings } from './source-map.ts';
import { lintParser } from './lint-parser.ts';
import { ruleDocsUrl } from '../../parse/rule-docs-url.ts';
import type { TypeKit } from '../../typecheck/kit.ts';
import { createTypeProgram } from '../../typecheck/type-program.ts';
import { LintCache } from './lint-cache.ts';

/**
 * ESLint in the worker: the browser build of ESLint's Linter with the exercise's own flat config, on
 * TypeScript that Sucrase has stripped to JavaScript. The Node engine parses the same files with
 * typescript-eslint instead; positions are mapped back so both report the same lines and columns.
 */

type FlatConfig = Linter.Config;

/** The Node engine adds this entry so TypeScript files are linted at all; the worker must match it. */
const TYPESCRIPT_FILES: FlatConfig = { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'] };

/** Espree with a cheaper scope analysis (lint-parser.ts); a config that names its own parser still wins. */
const FAST_PARSER: FlatConfig = { languageOptions: { parser: lintParser } };

const linter = new Linter();
/** Problems of files that did not change since the last lint under the same config (lint-cache.ts). */
const cache = new LintCache();

/**
 * `kit` (a type-aware lint): TypeScript files are parsed by typescript-eslint with a program over every
 * TypeScript file of the workspace, as the Node engine's project does, and its rules are registered; so
 * type-aware rules, TS-only selectors and `import type` read the same AST as in Node. Without it, the
 * cheaper path: Sucrase strips the types and espree parses what is left (no TypeScript payload to load).
 */
export function lintFiles(files: Files, request: LintRequest, kit?: TypeKit): LintProblem[] {
  // Evaluated every time, even when cached: a config is code, and its errors are reported on each lint.
  const exerciseConfig = loadConfig(files, request.config);
  const config = [FAST_PARSER, TYPESCRIPT_FILES, ...(kit ? typedConfig(kit, files) : []), ...exerciseConfig];
  // Never cached when type-aware: a file's problems then depend on the other files it imports.
  const configKey = kit ? undefined : LintCache.keyOf(exerciseConfig);
  const problems: LintProblem[] = [];
  for (const target of request.targets) {
    const source = files[target];
    if (source === undefined) throw new Error(`No file ${target} to lint`);
    if (kit) {
      problems.push(...lintTyped(target, source, config));
      continue;
    }
    const cached = configKey === undefined ? undefined : cache.get(configKey, target, source);
    const found = cached ?? lintOne(target, source, config);
    if (configKey !== undefined && cached === undefined) cache.set(configKey, target, source, found);
    problems.push(...found);
  }
  return problems;
}

function typedConfig(kit: TypeKit, files: Files): FlatConfig[] {
  const roots = Object.keys(files).filter((path) => isTypeScript(path));
  const program = createTypeProgram(kit, files, roots);
  return [
    {
      ...TYPESCRIPT_FILES,
      languageOptions: { parser: kit.parser, parserOptions: { programs: [program], tsconfigRootDir: '/' } },
    },
    { plugins: { '@typescript-eslint': { rules: kit.rules } as NonNullable<FlatConfig['plugins']>[string] } },
  ];
}

/** TypeScript read as TypeScript: no stripping, so no positions to map back. */
function lintTyped(file: string, source: string, config: FlatConfig[]): LintProblem[] {
  const messages = linter.verify(source, config, { filename: file, allowInlineConfig: false });
  return messages.map((message) => toProblem(file, message, undefined));
}

/** The exercise config is plain JS (`export default [...]`), evaluated like any workspace module. */
function loadConfig(files: Files, path: string): FlatConfig[] {
  if (files[path] === undefined) throw new Error(`ESLint config ${path} is missing from the workspace`);
  let exports: Record<string, unknown>;
  try {
    exports = createModuleLoader({ files }).load(path);
  } catch (error) {
    if (!(error instanceof ModuleSyntaxError) || error.file !== path) throw error;
    const reason = error.message.replace(` in ${path}`, '');
    throw new Error(lintConfigSyntaxError(path, error.line, error.column, reason), { cause: error });
  }
  const config = 'default' in exports ? exports['default'] : exports;
  if (Array.isArray(config)) return config as FlatConfig[];
  if (typeof config === 'object' && config !== null) return [config as FlatConfig];
  throw new Error(`ESLint config ${path} must export an array of config objects`);
}

function lintOne(file: string, source: string, config: FlatConfig[]): LintProblem[] {
  let code = source;
  let map: LineMappings | undefined;
  if (isTypeScript(file)) {
    try {
      const result = transform(source, {
        transforms: ['typescript'],
        filePath: file,
        // The TypeScript parser sees an unused import; dropping it would hide no-unused-vars hits.
        keepUnusedImports: true,
        disableESTransforms: true,
        sourceMapOptions: { compiledFilename: file },
      });
      code = result.code;
      map = result.sourceMap ? decodeMappings(result.sourceMap.mappings) : undefined;
    } catch (error) {
      return [parseError(file, error)];
    }
  }
  // allowInlineConfig false: an `eslint-disable` comment must not pass a lint gate (as --no-inline-config).
  const messages = linter.verify(code, config, { filename: file, allowInlineConfig: false });
  return messages
    .filter((message) => !(map && isTypeOnlyUse(message, source, code)))
    .map((message) => toProblem(file, message, map));
}

function toProblem(file: string, message: Linter.LintMessage, map: LineMappings | undefined): LintProblem {
  const start = map ? originalPosition(map, message.line, message.column) : message;
  const problem: LintProblem = {
    file,
    line: start.line,
    column: start.column,
    ruleId: message.ruleId,
    severity: message.severity === 1 ? 'warning' : 'error',
    message: message.message,
  };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const end = map
      ? originalPosition(map, message.endLine, message.endColumn)
      : { line: message.endLine, column: message.endColumn };
    problem.endLine = end.line;
    problem.endColumn = end.column;
  }
  const docsUrl = message.ruleId === null ? undefined : ruleDocsUrl(message.ruleId);
  if (docsUrl !== undefined) problem.docsUrl = docsUrl;
  return problem;
}

/**
 * An import used only in type positions is "used" for typescript-eslint's scope analysis but looks
 * unused once the types are stripped; drop those no-unused-vars hits. A name that appears more often in
 * the TypeScript than in the stripped code is such an import.
 */
function isTypeOnlyUse(message: Linter.LintMessage, original: string, stripped: string): boolean {
  if (message.ruleId !== 'no-unused-vars') return false;
  const name = /^'([^']+)'/.exec(message.message)?.[1];
  if (name === undefined) return false;
  const count = (text: string): number =>
    text.match(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g'))?.length ?? 0;
  return count(original) > count(stripped);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sucrase could not parse the file: reported the way ESLint reports a parse error (no rule). */
function parseError(file: string, error: unknown): LintProblem {
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.replace(/^Error transforming [^:]+: /, '').replace(/ \(\d+:\d+\)$/, '');
  return {
    file,
    line: loc?.line ?? 1,
    // Sucrase's loc column is 1-based already, like ESLint's.
    column: loc?.column ?? 1,
    ruleId: null,
    severity: 'error',
    message: `Parsing error: ${reason}`,
  };
}

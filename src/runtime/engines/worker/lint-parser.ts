import * as espree from 'espree';
import { analyze } from 'eslint-scope';
import * as visitorKeys from 'eslint-visitor-keys';
import type { Linter } from 'eslint/universal';

/**
 * ESLint's own parser (espree), with the scope analysis done here instead of by ESLint, for speed: ESLint
 * hands eslint-scope its visitor keys, and eslint-scope then copies that table of ~90 node types into every
 * visitor it makes, one per function parameter and declared pattern. On a 300-line file that copying was
 * 12 ms of a 40 ms lint, plus the garbage it leaves (profiled under Node: `Visitor` in esrecurse was the
 * top self-time entry). Without the table eslint-scope uses its built-in one and no copy is made.
 *
 * The built-in table (estraverse's) lists the same children for every node type espree produces except
 * `options` of `import(…)` and the `attributes` of import and export declarations; node types it does not
 * know (JSX, static blocks) are walked by eslint-visitor-keys' `getKeys`, as ESLint does. So the one
 * difference from ESLint in Node: a variable used only as the second argument of `import()` is not seen
 * as used.
 */
export const lintParser: Linter.Parser = {
  meta: { name: 'craftpath-espree', version: espree.version },
  parseForESLint(code: string, options: ParserOptions = {}) {
    const ast = espree.parse(code, options as espree.Options) as unknown as Parameters<typeof analyze>[0];
    const ecmaVersion = typeof options.ecmaVersion === 'number' ? options.ecmaVersion : espree.latestEcmaVersion;
    const scopeManager = analyze(ast, {
      ignoreEval: true,
      nodejsScope: options.ecmaFeatures?.globalReturn === true,
      impliedStrict: options.ecmaFeatures?.impliedStrict === true,
      ecmaVersion,
      sourceType: options.sourceType ?? 'script',
      childVisitorKeys: null,
      // Read-only in its types only: eslint-scope never writes to the list.
      fallback: visitorKeys.getKeys as (node: object) => string[],
      jsx: options.ecmaFeatures?.jsx === true,
    });
    return { ast, scopeManager, visitorKeys: visitorKeys.KEYS };
  },
} as Linter.Parser;

/** What ESLint passes a parser: languageOptions' ecmaVersion and sourceType, plus parserOptions. */
interface ParserOptions {
  ecmaVersion?: number | 'latest';
  sourceType?: 'script' | 'module' | 'commonjs';
  ecmaFeatures?: { globalReturn?: boolean; impliedStrict?: boolean; jsx?: boolean };
}

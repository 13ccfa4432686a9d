import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint/universal';
import js from '@eslint/js';
import { transform } from 'sucrase';
import { lintParser } from '../../src/runtime/engines/worker/lint-parser.ts';

/** Every core rule, so any scope or traversal difference shows up as a message that differs. */
const rules = Object.fromEntries(Object.keys(js.configs.all.rules).map((rule) => [rule, 'error' as const]));
const base: Linter.Config[] = [{ files: ['**/*.ts', '**/*.js'] }, { languageOptions: { sourceType: 'module' }, rules }];

/** The exercises' reference solutions: real TypeScript of every shape the course uses. */
function exerciseSources(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && path.includes(`${sep}solution${sep}`))
        found.push([path, readFileSync(path, 'utf8')]);
    }
  };
  walk('exercises');
  return found;
}

describe('the worker lint parser', () => {
  it(
    'gives the same messages as ESLint with its default parser, on every exercise solution with every core rule',
    { timeout: 120_000 },
    () => {
      const linter = new Linter();
      const sources = exerciseSources();
      expect(sources.length).toBeGreaterThan(30);
      for (const [path, source] of sources) {
        const code = transform(source, {
          transforms: ['typescript'],
          disableESTransforms: true,
          keepUnusedImports: true,
        }).code;
        const own = linter.verify(code, base, { filename: path });
        const fast = linter.verify(code, [{ languageOptions: { parser: lintParser } }, ...base], { filename: path });
        expect(fast, path).toEqual(own);
      }
    },
  );

  it('sees a variable used only in a closure, a class static block and a default parameter as used', () => {
    const linter = new Linter();
    const code = [
      'const limit = 3;',
      'const label = "x";',
      'export class Box { static size; static { Box.size = limit; } }',
      'export function name(prefix = label) { return () => prefix; }',
      'export const missing = () => undefinedThing;',
    ].join('\n');
    const config: Linter.Config[] = [
      { languageOptions: { parser: lintParser, sourceType: 'module' } },
      { rules: { 'no-unused-vars': 'error', 'no-undef': 'error' } },
    ];
    const messages = linter.verify(code, config, { filename: 'a.js' });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['no-undef', 5]]);
  });
});

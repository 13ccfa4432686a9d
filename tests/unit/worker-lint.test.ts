import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/runtime/engines/worker/lint.ts';

const config = `export default [
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'no-unused-vars': 'error',
      'no-console': 'warn',
      'prefer-const': 'error',
    },
  },
];
`;

const source = [
  "import type { Refund } from './types';", // 1
  "import { Money } from './money';", // 2 used only as a type
  "import { unused } from './nothing';", // 3
  '', // 4
  'export function approve(refund: Refund, limit: Money): boolean {', // 5
  '  let total: number = refund.amount as number;', // 6
  '  if (refund.currency == limit.currency) console.log(total);', // 7
  '  return total <= limit.value;', // 8
  '}', // 9
].join('\n');

describe('worker lint', () => {
  it('reports core rule hits on TypeScript at the original lines and columns', () => {
    const problems = lintFiles(
      { 'eslint.config.js': config, 'src/refund.ts': source },
      {
        config: 'eslint.config.js',
        targets: ['src/refund.ts'],
      },
    );
    expect(problems.map((p) => [p.line, p.column, p.ruleId, p.severity])).toEqual([
      [3, 10, 'no-unused-vars', 'error'],
      [6, 7, 'prefer-const', 'error'],
      [7, 23, 'eqeqeq', 'error'],
      [7, 42, 'no-console', 'warning'],
    ]);
    expect(problems[2]).toMatchObject({
      file: 'src/refund.ts',
      message: "Expected '===' and instead saw '=='.",
      docsUrl: 'https://eslint.org/docs/latest/rules/eqeqeq',
      endLine: 7,
      endColumn: 25,
    });
  });

  it('ignores eslint-disable comments, as the Node engine does with --no-inline-config', () => {
    const problems = lintFiles(
      {
        'eslint.config.js': config,
        'a.js': '// eslint-disable-next-line eqeqeq\nexport const same = (a, b) => a == b;\n',
      },
      { config: 'eslint.config.js', targets: ['a.js'] },
    );
    expect(problems.map((p) => p.ruleId)).toEqual(['eqeqeq']);
  });

  it('reports unparsable TypeScript as a parse error without a rule', () => {
    const problems = lintFiles(
      { 'eslint.config.js': config, 'a.ts': 'export const x: number = ;\n' },
      { config: 'eslint.config.js', targets: ['a.ts'] },
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'a.ts', line: 1, column: 26, ruleId: null, severity: 'error' }),
    ]);
  });

  it('fails loudly on a config that exports no configs', () => {
    expect(() =>
      lintFiles(
        { 'eslint.config.js': 'export default 3;', 'a.js': '' },
        { config: 'eslint.config.js', targets: ['a.js'] },
      ),
    ).toThrow('must export an array');
  });

  // Unchanged files' problems are reused between lints (lint-cache.ts); these are the ways that could go stale.
  it('lints an unchanged file again under a changed config, and a changed file under the same config', () => {
    const loose = 'export const same = (a, b) => a == b;\n';
    const lint = (rules: string, files: Record<string, string>) =>
      lintFiles(
        { 'eslint.config.js': `export default [{ rules: { ${rules} } }];`, ...files },
        { config: 'eslint.config.js', targets: Object.keys(files) },
      ).map((p) => `${p.file}:${p.line} ${p.ruleId}`);
    expect(lint("eqeqeq: 'error'", { 'a.js': loose, 'b.js': loose })).toEqual(['a.js:1 eqeqeq', 'b.js:1 eqeqeq']);
    expect(lint("eqeqeq: 'off'", { 'a.js': loose, 'b.js': loose })).toEqual([]);
    expect(lint("eqeqeq: 'error'", { 'a.js': `\n${loose}`, 'b.js': loose })).toEqual([
      'a.js:2 eqeqeq',
      'b.js:1 eqeqeq',
    ]);
  });

  it('never reuses results under a config with functions: its rules may answer differently each time', () => {
    // The count lives on globalThis, so it survives the config module being evaluated again for each lint.
    const counting = `export default [{
  plugins: { local: { rules: { count: { create: (context) => ({
    Program: (node) => context.report({ node, message: 'lint ' + (globalThis.craftpathLints = (globalThis.craftpathLints ?? 0) + 1) }),
  }) } } } },
  rules: { 'local/count': 'error' },
}];`;
    const lint = () =>
      lintFiles(
        { 'eslint.config.js': counting, 'a.js': 'export {};\n' },
        { config: 'eslint.config.js', targets: ['a.js'] },
      ).map((p) => p.message);
    try {
      expect(lint()).toEqual(['lint 1']);
      expect(lint()).toEqual(['lint 2']);
    } finally {
      delete (globalThis as { craftpathLints?: number }).craftpathLints;
    }
  });
});

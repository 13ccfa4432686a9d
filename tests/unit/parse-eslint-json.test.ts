import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEslintJson } from '../../src/runtime/parse/eslint-json.ts';

// Captured from a real `eslint --format json` run over three files (a bug, a clean file, a syntax error),
// with the run folder replaced by /RUN.
const realOutput = readFileSync(new URL('./fixtures/eslint-output.json', import.meta.url), 'utf8');

describe('parseEslintJson on real ESLint output', () => {
  const problems = parseEslintJson(realOutput, { root: '/RUN' });

  it('reports each problem at its workspace path, line and column, with severity', () => {
    expect(problems.filter((p) => p.file === 'src/bugs.ts')).toEqual([
      expect.objectContaining({ file: 'src/bugs.ts', line: 2, column: 9, ruleId: 'eqeqeq', severity: 'error' }),
      expect.objectContaining({
        file: 'src/bugs.ts',
        line: 2,
        column: 22,
        ruleId: 'no-self-compare',
        severity: 'warning',
      }),
    ]);
  });

  it('links core rules to their documentation', () => {
    expect(problems.find((p) => p.ruleId === 'eqeqeq')?.docsUrl).toBe('https://eslint.org/docs/latest/rules/eqeqeq');
  });

  it('keeps a parse error as a problem without a rule, so broken code is never reported clean', () => {
    const parseError = problems.find((p) => p.file === 'src/broken.ts');
    expect(parseError).toMatchObject({ ruleId: null, severity: 'error' });
    expect(parseError?.message).toMatch(/expected/i);
    expect(parseError).not.toHaveProperty('docsUrl');
  });

  it('reports nothing for a clean file', () => {
    expect(problems.some((p) => p.file === 'src/clean.ts')).toBe(false);
  });
});

describe('parseEslintJson on unexpected input', () => {
  it('names the tool when the output is not JSON', () => {
    expect(() => parseEslintJson('Oops! Something went wrong', { root: '/RUN' })).toThrow(
      /ESLint did not produce readable JSON/,
    );
  });

  it('rejects JSON of the wrong shape instead of reporting a clean run', () => {
    expect(() => parseEslintJson('{"nope": true}', { root: '/RUN' })).toThrow(/expected an array/);
  });

  it('skips malformed entries and links typescript-eslint rules to their site', () => {
    const text = JSON.stringify([
      null,
      {
        filePath: '/RUN/a.ts',
        messages: [
          { ruleId: '@typescript-eslint/no-floating-promises', severity: 2, message: 'm', line: 1, column: 1 },
          7,
        ],
      },
    ]);
    expect(parseEslintJson(text, { root: '/RUN' })).toEqual([
      {
        file: 'a.ts',
        line: 1,
        column: 1,
        ruleId: '@typescript-eslint/no-floating-promises',
        severity: 'error',
        message: 'm',
        docsUrl: 'https://typescript-eslint.io/rules/no-floating-promises',
      },
    ]);
  });
});

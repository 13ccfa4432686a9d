import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../src/runtime/report/check-report.ts';
import { createModuleLoader } from '../../src/runtime/engines/worker/module-loader.ts';
import { locateError } from '../../src/runtime/engines/worker/stack.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

/**
 * What the conformance suite cannot see, since it compares verdicts only: the rewrites before Sucrase
 * (namespaces, parameter properties, vi.mock hoisting) keep the learner's line numbers, and what cannot
 * be lowered is refused in plain words.
 */

async function run(test: string, extra: Record<string, string> = {}): Promise<TestResult[]> {
  const files = { 'src/a.test.ts': test, ...extra };
  return new WorkerToolchain().test(files, { targets: ['src/a.test.ts'] }, new AbortController().signal);
}

describe('worker TypeScript and module lowering', () => {
  it('keeps the line of an error thrown inside a namespace function', () => {
    const loader = createModuleLoader({
      files: {
        'src/ns.ts': [
          'export namespace Limits {',
          '  export const max: number = 3;',
          '  export function check(n: number): void {',
          '    if (n > max) throw new RangeError(`over ${max}`);',
          '  }',
          '}',
        ].join('\n'),
      },
    });
    const ns = loader.load('src/ns.ts') as { Limits: { check(n: number): void; max: number } };
    expect(ns.Limits.max).toBe(3);
    let thrown: unknown;
    try {
      ns.Limits.check(4);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(locateError(thrown)).toMatchObject({ file: 'src/ns.ts', line: 4 });
  });

  it('refuses a dotted namespace name in plain words instead of dropping it', () => {
    const loader = createModuleLoader({ files: { 'src/ns.ts': 'namespace A.B {\n  export const x = 1;\n}\n' } });
    expect(() => loader.load('src/ns.ts')).toThrow(
      'A dotted namespace name (namespace A.B) (in src/ns.ts) is not supported in the browser engine; the Node engine runs it',
    );
  });

  it('points a failure after a hoisted vi.mock at the learner line', async () => {
    const results = await run(
      [
        "import { expect, test, vi } from 'vitest';",
        "import { value } from './dep.ts';",
        '',
        "vi.mock('./dep.ts', () => ({",
        '  value: 2,',
        '}));',
        '',
        "test('sees the mock', () => {",
        '  expect(value).toBe(3);',
        '});',
      ].join('\n'),
      { 'src/dep.ts': 'export const value = 1;\n' },
    );
    expect(results).toHaveLength(1);
    expect(results[0]?.failure?.message).toContain('expected 2 to be 3');
    expect(results[0]?.failure).toMatchObject({ file: 'src/a.test.ts', line: 9 });
  });

  it('lets test code see the same minimal process in every host', async () => {
    const results = await run(
      [
        "import { expect, test } from 'vitest';",
        "test('process', () => {",
        "  expect(process.env['NODE_ENV']).toBe('test');",
        '  expect(() => process.memoryUsage()).toThrow(',
        "    'process.memoryUsage is not supported in the browser engine; the Node engine runs it',",
        '  );',
        '});',
      ].join('\n'),
    );
    expect(results.map((r) => `${r.name}: ${r.status}`)).toEqual(['process: pass']);
  });
});

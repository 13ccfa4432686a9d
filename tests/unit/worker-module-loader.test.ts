import { describe, expect, it } from 'vitest';
import { createModuleLoader, ModuleSyntaxError } from '../../src/runtime/engines/worker/module-loader.ts';
import { locateError } from '../../src/runtime/engines/worker/stack.ts';

describe('worker module loader', () => {
  it('strips TypeScript and resolves relative imports with and without extensions', () => {
    const loader = createModuleLoader({
      files: {
        'src/main.ts': [
          "import { double } from './math';",
          "import { label } from './math.ts';",
          "import { shout } from '../lib/text.js';",
          "import config from './config.json';",
          'interface Shape { size: number }',
          'export const run = (shape: Shape): string => shout(label(double(shape.size)) + config.suffix);',
        ].join('\n'),
        'src/math.ts':
          'export const double = (n: number): number => n * 2;\nexport const label = (n: number) => `#${n}`;\n',
        'lib/text.ts': 'export function shout(text: string): string { return text.toUpperCase(); }\n',
        'src/config.json': '{ "suffix": "!" }',
      },
    });
    const main = loader.load('src/main.ts') as { run(shape: { size: number }): string };
    expect(main.run({ size: 21 })).toBe('#42!');
  });

  it('offers builtins such as the virtual vitest module and folder index files', () => {
    const loader = createModuleLoader({
      files: {
        'a.ts': "import v from 'vitest';\nimport { x } from './dir';\nexport const y = v.answer + x;\n",
        'dir/index.ts': 'export const x = 1;',
      },
      builtins: { vitest: { default: { answer: 41 }, __esModule: true } },
    });
    expect(loader.load('a.ts')['y']).toBe(42);
  });

  it('binds scope names in place of globals inside modules only', () => {
    const fakeNow = { now: () => 7 };
    const loader = createModuleLoader({ files: { 'a.ts': 'export const t = Date.now();' }, scope: { Date: fakeNow } });
    expect(loader.load('a.ts')['t']).toBe(7);
    expect(Date.now()).not.toBe(7);
  });

  it('reports an error thrown at import time on the learner line', () => {
    const loader = createModuleLoader({
      files: {
        'src/a.ts': "import './b';\n",
        'src/b.ts': 'type T = number;\nconst limit: T = 1;\n\nthrow new RangeError(`limit ${limit}`);\n',
      },
    });
    let thrown: unknown;
    try {
      loader.load('src/a.ts');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(locateError(thrown)).toMatchObject({ file: 'src/b.ts', line: 4 });
  });

  it('reports syntax errors with file, line and column', () => {
    const loader = createModuleLoader({ files: { 'src/a.ts': 'const ok = 1;\nconst broken: number = ;\n' } });
    let thrown: unknown;
    try {
      loader.load('src/a.ts');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModuleSyntaxError);
    expect(thrown).toMatchObject({ file: 'src/a.ts', line: 2, column: 24 });
  });

  it('names the importer when a module is missing', () => {
    const loader = createModuleLoader({ files: { 'src/a.ts': "import { x } from './nope';\nexport const y = x;\n" } });
    expect(() => loader.load('src/a.ts')).toThrow("Cannot find module './nope' imported from src/a.ts");
  });

  it('evaluates each module once and supports cycles', () => {
    const loader = createModuleLoader({
      files: {
        'a.ts': "import { b } from './b';\nexport const a = () => 'a' + b();\nexport let loads = 0;\nloads++;\n",
        'b.ts': "import { a } from './a';\nexport const b = () => 'b';\nexport const useA = () => a();\n",
      },
    });
    const first = loader.load('a.ts') as { a(): string; loads: number };
    expect(first.a()).toBe('ab');
    expect((loader.load('b.ts') as { useA(): string }).useA()).toBe('ab');
    expect(loader.load('a.ts')).toBe(first);
  });
});

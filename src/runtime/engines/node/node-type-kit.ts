import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Linter } from 'eslint/universal';
import type { TypeKit } from '../../typecheck/kit.ts';
import { libClosure } from '../../typecheck/lib-files.ts';

/**
 * The type kit from node_modules, for the Node engine's typecheck (in the host process: it reads the
 * learner's files and runs none of them, so the sandbox has nothing to contain) and for the worker
 * engine when it is hosted in Node (unit tests, the benchmark).
 */
let loaded: Promise<TypeKit> | undefined;

export function loadNodeTypeKit(): Promise<TypeKit> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const [ts, parser, rules] = await Promise.all([
      import('typescript'),
      import('@typescript-eslint/parser'),
      import('@typescript-eslint/eslint-plugin/use-at-your-own-risk/rules'),
    ]);
    const libDir = dirname(require.resolve('typescript/lib/lib.d.ts'));
    const libs = libClosure((name) => readFileSync(join(libDir, name), 'utf8'));
    return {
      ts: ts.default,
      libs,
      parser: parser as unknown as Linter.Parser,
      rules: rules.default as unknown as Record<string, unknown>,
    };
  })();
  return loaded;
}

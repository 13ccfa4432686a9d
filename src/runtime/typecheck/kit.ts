import type * as TypeScript from 'typescript';
import type { Linter } from 'eslint/universal';

/**
 * What type-aware checks need, loaded only for the exercises that have them: the TypeScript compiler,
 * the lib .d.ts files it reads (by file name, e.g. "lib.es2022.d.ts"), typescript-eslint's parser and
 * its rules. In Node these come from node_modules (node-kit.ts); in the browser from one lazily
 * fetched script (src/runtime/engines/worker/type-kit-entry.ts), so no other exercise downloads them.
 */
export interface TypeKit {
  ts: typeof TypeScript;
  libs: Readonly<Record<string, string>>;
  parser: Linter.Parser;
  /** typescript-eslint's rules by their short name ("no-floating-promises"). */
  rules: Readonly<Record<string, unknown>>;
}

/** Loads the kit once; every engine passes one of these to the parts that need types. */
export type TypeKitLoader = () => Promise<TypeKit>;

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

/** Where the browser payload (type-kit-entry.ts) leaves the kit on the worker's global scope. */
export const TYPE_KIT_GLOBAL = '__craftpathTypeKit';

/** Whether an exercise's checks need the kit: only these exercises make the browser download it. */
export function needsTypeKit(checks: readonly { kind: string; typeAware?: boolean }[]): boolean {
  return checks.some((check) => check.kind === 'typecheck' || (check.kind === 'lint' && check.typeAware === true));
}

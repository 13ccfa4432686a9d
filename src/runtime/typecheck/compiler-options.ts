/**
 * The compiler options of every typecheck and type-aware lint, in every engine: one place, so the Node
 * engine's in-process program, the worker's and the WebContainer's `tsc` agree on what is an error.
 * Plain JSON values (as a tsconfig.json spells them), converted by each engine's compiler.
 */
export const BASE_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022'],
  // No @types packages: exercises import no node:* module; the globals they use are in GLOBALS_D_TS.
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  isolatedModules: true,
} as const;

/** The options an exercise may switch on or off (exercise schema: typecheck's `compilerOptions`). */
export const OVERRIDABLE_COMPILER_OPTIONS = [
  'strict',
  'noUncheckedIndexedAccess',
  'exactOptionalPropertyTypes',
  'noImplicitReturns',
  'noImplicitOverride',
  'noFallthroughCasesInSwitch',
  'noPropertyAccessFromIndexSignature',
  'useUnknownInCatchVariables',
] as const;

export type CompilerOverrides = { [K in (typeof OVERRIDABLE_COMPILER_OPTIONS)[number]]?: boolean | undefined };

/**
 * The few host globals exercise code uses (console, timers) that lib.es2022 leaves to the DOM or Node
 * types; declared here, not by loading lib.dom or @types/node (megabytes more for the browser to fetch).
 */
export const GLOBALS_D_TS_PATH = '.craftpath/globals.d.ts';
export const GLOBALS_D_TS = `declare var console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearTimeout(id: any): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearInterval(id: any): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
`;

/** A tsconfig.json for `tsc -p` over `files`, with the same options (WebContainer engine). */
export function typecheckTsconfig(files: readonly string[], overrides: CompilerOverrides): string {
  return JSON.stringify({
    compilerOptions: { ...BASE_COMPILER_OPTIONS, ...overrides },
    files: [GLOBALS_D_TS_PATH, ...files],
  });
}

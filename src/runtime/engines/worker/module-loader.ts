import { transform } from 'sucrase';
import type { Files } from '../../checks/toolchain.ts';
import { dirname, resolveImport } from './paths.ts';
import { SOURCE_URL_PREFIX } from './stack.ts';
import { lowerTypeScript } from './ts-lowering.ts';

/**
 * Evaluates workspace files as CommonJS-like modules straight from the in-memory Files map. Sucrase
 * (after ts-lowering.ts for what it would mis-compile) strips TypeScript and turns `import`/`export` into `require`/`exports` without moving code to other
 * lines, so stack traces and syntax errors point at the learner's own line numbers.
 */

export interface ModuleLoaderOptions {
  files: Files;
  /** Bare specifiers the code may import, such as the virtual 'vitest' module. */
  builtins?: Readonly<Record<string, unknown>>;
  /**
   * Names bound in every module's scope in place of the globals of the same name (the fake clock's
   * setTimeout and Date), so faking them never touches the worker's own globals.
   */
  scope?: Readonly<Record<string, unknown>>;
}

export interface ModuleLoader {
  /** Loads (once) and returns the exports of the workspace file at `path`. */
  load(path: string): Record<string, unknown>;
}

/** A file that could not be turned into JavaScript; carries the learner's file and line. */
export class ModuleSyntaxError extends SyntaxError {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(message: string, file: string, line: number, column: number) {
    super(message);
    this.name = 'SyntaxError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

interface CommonJsModule {
  exports: Record<string, unknown>;
}

type ModuleFunction = (
  exports: Record<string, unknown>,
  require: (specifier: string) => unknown,
  module: CommonJsModule,
  filename: string,
  dirname: string,
  ...scope: unknown[]
) => void;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function createModuleLoader(options: ModuleLoaderOptions): ModuleLoader {
  const { files, builtins = {} } = options;
  const scopeNames = Object.keys(options.scope ?? {}).filter((name) => IDENTIFIER.test(name));
  const scopeValues = scopeNames.map((name) => options.scope?.[name]);
  const cache = new Map<string, CommonJsModule>();

  function requireFrom(importer: string | undefined, specifier: string): unknown {
    if (Object.hasOwn(builtins, specifier)) return builtins[specifier];
    const bare = specifier.replace(/^node:/, '');
    if (Object.hasOwn(builtins, bare)) return builtins[bare];
    const path = resolveImport(files, importer, specifier);
    if (path === undefined) {
      const from = importer === undefined ? '' : ` imported from ${importer}`;
      const hint = specifier.startsWith('.') || specifier.startsWith('/') ? '' : ' (packages are not available here)';
      throw new Error(`Cannot find module '${specifier}'${from}${hint}`);
    }
    return load(path).exports;
  }

  function load(path: string): CommonJsModule {
    const cached = cache.get(path);
    if (cached) return cached;
    const source = files[path];
    if (source === undefined) throw new Error(`Cannot find module '${path}'`);
    const module: CommonJsModule = { exports: {} };
    // Cached before evaluation so import cycles see the partly filled exports, as in Node.
    cache.set(path, module);
    try {
      if (path.endsWith('.json')) {
        module.exports = JSON.parse(source) as Record<string, unknown>;
        return module;
      }
      const run = compile(path, source, scopeNames);
      run(module.exports, (specifier) => requireFrom(path, specifier), module, path, dirname(path), ...scopeValues);
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    return module;
  }

  return { load: (path) => load(path).exports };
}

/** Compiled files by path and text: mutation checks load the same tests once per mutant. */
const compiled = new Map<string, string>();
const COMPILED_LIMIT = 500;

/** Strips TypeScript and rewrites ES modules to CommonJS, keeping every statement on its original line. */
export function toCommonJs(path: string, source: string): string {
  const key = `${path}\0${source}`;
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  let code: string;
  try {
    const typescript = isTypeScript(path);
    code = transform(typescript ? lowerTypeScript(path, source) : source, {
      transforms: typescript ? ['typescript', 'imports'] : ['imports'],
      filePath: path,
      // Dynamic import() of workspace files goes through require too; there is no real module graph.
      preserveDynamicImport: false,
      // Modern engines run class fields and optional chaining natively; rewriting them would move columns.
      disableESTransforms: true,
    }).code;
  } catch (error) {
    throw asSyntaxError(path, error);
  }
  // Oldest first out; a learner's edits would otherwise grow the map for as long as the page is open.
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value ?? '');
  compiled.set(key, code);
  return code;
}

export function isTypeScript(path: string): boolean {
  return /\.(?:ts|mts|cts|tsx)$/.test(path);
}

function compile(path: string, source: string, scopeNames: readonly string[]): ModuleFunction {
  const code = toCommonJs(path, source);
  // The wrapper opens on the same line as the code, so line N of the file is line N of the script.
  const params = ['exports', 'require', 'module', '__filename', '__dirname', ...scopeNames].join(', ');
  const script = `(function (${params}) {${code}\n})\n//# sourceURL=${SOURCE_URL_PREFIX}${path}`;
  try {
    // Indirect eval (global scope, unlike a direct call that bundlers may produce from `const e = eval`),
    // and no extra header lines, which `new Function` would add.
    return globalThis.eval(script) as ModuleFunction;
  } catch (error) {
    throw asSyntaxError(path, error);
  }
}

/** Sucrase reports `Unexpected token (3:5)`; its `loc` column is already 1-based. */
function asSyntaxError(path: string, error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  if (loc === undefined) {
    return error instanceof SyntaxError ? new ModuleSyntaxError(error.message, path, 1, 1) : error;
  }
  const message = error.message.replace(/^Error transforming [^:]+: /, '');
  return new ModuleSyntaxError(`${message} in ${path}`, path, loc.line, loc.column);
}

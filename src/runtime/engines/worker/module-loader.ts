import { transform } from 'sucrase';
import type { Files } from '../../checks/toolchain.ts';
import { dirname, resolveImport } from './paths.ts';
import { SOURCE_URL_PREFIX } from './stack.ts';
import { automock } from './automock.ts';
import { DYNAMIC_IMPORT, HOIST, IMPORT_META, lowerModuleSyntax } from './module-syntax.ts';
import { lowerTypeScript } from './ts-lowering.ts';
import { timePhase } from './phase-times.ts';

/**
 * Evaluates workspace files as CommonJS-like modules straight from the in-memory Files map. Sucrase
 * (after ts-lowering.ts for what it would mis-compile, and module-syntax.ts for import.meta, import() and
 * vi.mock hoisting) strips TypeScript and turns `import`/`export` into `require`/`exports` without moving
 * code to other lines, so stack traces and syntax errors point at the learner's own line numbers. A
 * module with top-level await runs as an async function, and whoever imports it waits for it.
 */

export interface ModuleLoaderOptions {
  files: Files;
  /** Bare specifiers the code may import, such as the virtual 'vitest' module. */
  builtins?: Readonly<Record<string, unknown>>;
  /**
   * Names bound in every module's scope in place of the globals of the same name (the fake clock's
   * setTimeout and Date, the test `process`), so faking them never touches the worker's own globals.
   */
  scope?: Readonly<Record<string, unknown>>;
  /** `import.meta.env` of every module. */
  importMetaEnv?: Readonly<Record<string, unknown>>;
  /** Where `vi.mock` paths called outside a hoisted block resolve from (the test file). */
  defaultImporter?: string;
}

export interface ModuleLoader {
  /** Loads (once) and returns the exports of the workspace file at `path`. */
  load(path: string): Record<string, unknown>;
  /** The same, waiting for top-level await in the module and in what it imports. */
  loadAsync(path: string): Promise<Record<string, unknown>>;
  /** `vi.mock` and its relatives. */
  readonly mocks: ModuleMocks;
}

export interface ModuleMocks {
  mock(specifier: string, factory?: unknown): void;
  unmock(specifier: string): void;
  importActual(specifier: string): Promise<Record<string, unknown>>;
  importMock(specifier: string): Promise<Record<string, unknown>>;
  resetModules(): void;
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
  /** Set while a module with top-level await runs; importers that can wait, wait for it. */
  evaluated?: Promise<void>;
}

type ModuleFunction = (
  exports: Record<string, unknown>,
  require: (specifier: string) => unknown,
  module: CommonJsModule,
  filename: string,
  dirname: string,
  ...scope: unknown[]
) => unknown;

interface Compiled {
  run: ModuleFunction;
  /** Whether the module uses top-level await (it was compiled as an async function). */
  isAsync: boolean;
  /** Specifiers of its static imports, in order. */
  imports: string[];
}

/** A registered `vi.mock`: its factory, and once run, what importers get. */
interface MockEntry {
  factory: unknown;
  /** The specifier as written, for messages. */
  specifier: string;
  exports?: Record<string, unknown>;
  pending?: Promise<Record<string, unknown>>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MODULE_NAMES = [IMPORT_META, DYNAMIC_IMPORT, HOIST];

export function createModuleLoader(options: ModuleLoaderOptions): ModuleLoader {
  const { files, builtins = {} } = options;
  const scopeNames = Object.keys(options.scope ?? {}).filter((name) => IDENTIFIER.test(name));
  const scopeValues = scopeNames.map((name) => options.scope?.[name]);
  const cache = new Map<string, CommonJsModule>();
  const compiledByPath = new Map<string, Compiled>();
  const registered = new Map<string, MockEntry>();
  const needsAsyncMemo = new Map<string, boolean>();
  /** The module whose hoisted `vi.mock` calls run now; their paths are relative to it. */
  let hoistingFrom: string | undefined;

  /** A mock's key: the workspace file it stands for, or the bare specifier of a package. */
  function mockKey(importer: string | undefined, specifier: string): string {
    return resolveImport(files, importer, specifier) ?? specifier.replace(/^node:/, '');
  }

  function builtin(specifier: string): { found: boolean; value?: unknown } {
    if (Object.hasOwn(builtins, specifier)) return { found: true, value: builtins[specifier] };
    const bare = specifier.replace(/^node:/, '');
    if (Object.hasOwn(builtins, bare)) return { found: true, value: builtins[bare] };
    return { found: false };
  }

  function resolveOrThrow(importer: string | undefined, specifier: string): string {
    const path = resolveImport(files, importer, specifier);
    if (path === undefined) {
      const from = importer === undefined ? '' : ` imported from ${importer}`;
      const hint = specifier.startsWith('.') || specifier.startsWith('/') ? '' : ' (packages are not available here)';
      throw new Error(`Cannot find module '${specifier}'${from}${hint}`);
    }
    return path;
  }

  function requireFrom(importer: string | undefined, specifier: string): unknown {
    const mocked = registered.get(mockKey(importer, specifier));
    if (mocked) return mockExportsSync(mocked);
    const found = builtin(specifier);
    if (found.found) return found.value;
    return namespaceView(load(resolveOrThrow(importer, specifier)).exports);
  }

  async function importFrom(importer: string | undefined, specifier: string): Promise<unknown> {
    const mocked = registered.get(mockKey(importer, specifier));
    if (mocked) return namespaceOf(await mockExports(mocked));
    const found = builtin(specifier);
    if (found.found) return namespaceOf(found.value as Record<string, unknown>);
    return namespaceView(namespaceOf(await loadAsync(resolveOrThrow(importer, specifier))));
  }

  function compiledModule(path: string, source: string): Compiled {
    const known = compiledByPath.get(path);
    if (known) return known;
    const compiled = compile(path, source, [...scopeNames, ...MODULE_NAMES]);
    compiledByPath.set(path, compiled);
    return compiled;
  }

  /** Whether loading `path` means waiting: it, or a workspace module it imports, has top-level await. */
  function needsAsync(path: string): boolean {
    const known = needsAsyncMemo.get(path);
    if (known !== undefined) return known;
    needsAsyncMemo.set(path, false);
    const source = files[path];
    let result = false;
    if (source !== undefined && !path.endsWith('.json')) {
      const compiled = compiledModule(path, source);
      result =
        compiled.isAsync ||
        compiled.imports.some((specifier) => {
          const target = resolveImport(files, path, specifier);
          return target !== undefined && !registered.has(target) && needsAsync(target);
        });
    }
    needsAsyncMemo.set(path, result);
    return result;
  }

  function evaluate(path: string, module: CommonJsModule): void {
    const source = files[path];
    if (source === undefined) throw new Error(`Cannot find module '${path}'`);
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(source) as Record<string, unknown>;
      return;
    }
    const { run, isAsync } = compiledModule(path, source);
    const perModule = [
      { url: `file:///${path}`, filename: `/${path}`, dirname: `/${dirname(path)}`, env: options.importMetaEnv ?? {} },
      (specifier: string) => importFrom(path, specifier),
      (register: () => void) => runHoisted(path, register),
    ];
    const result = run(
      module.exports,
      (specifier) => requireFrom(path, specifier),
      module,
      path,
      dirname(path),
      ...scopeValues,
      ...perModule,
    );
    if (isAsync) {
      module.evaluated = Promise.resolve(result).then(() => undefined);
      // Awaited by loadAsync; a module nobody waits for must not report an unhandled rejection.
      module.evaluated.catch(() => undefined);
    }
  }

  function load(path: string): CommonJsModule {
    const cached = cache.get(path);
    if (cached) return cached;
    const module: CommonJsModule = { exports: {} };
    // Cached before evaluation so import cycles see the partly filled exports, as in Node.
    cache.set(path, module);
    try {
      evaluate(path, module);
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    return module;
  }

  async function loadAsync(path: string): Promise<Record<string, unknown>> {
    const cached = cache.get(path);
    if (cached) {
      await cached.evaluated;
      return cached.exports;
    }
    const source = files[path];
    if (source !== undefined && !path.endsWith('.json') && needsAsync(path)) {
      // Imports with top-level await finish first, as ES modules do; the module's own require() then
      // finds them complete in the cache.
      for (const specifier of compiledModule(path, source).imports) {
        const target = resolveImport(files, path, specifier);
        if (target !== undefined && !registered.has(target) && needsAsync(target)) await loadAsync(target);
      }
    }
    const module = load(path);
    try {
      await module.evaluated;
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    return module.exports;
  }

  /** Runs a module's hoisted `vi.mock` calls, then the factories they registered, before its imports. */
  async function runHoisted(path: string, register: () => void): Promise<void> {
    const before = new Set(registered.keys());
    hoistingFrom = path;
    try {
      register();
    } finally {
      hoistingFrom = undefined;
    }
    for (const [key, entry] of registered) if (!before.has(key)) await mockExports(entry);
  }

  function mockExportsSync(entry: MockEntry): Record<string, unknown> {
    if (entry.exports) return entry.exports;
    const made = makeMock(entry);
    if (made instanceof Promise) {
      throw new Error(
        `Importing '${entry.specifier}' before its async vi.mock factory finished (a vi.mock that is not at the top level of the test file) is not supported in the browser engine; the Node engine runs it`,
      );
    }
    return made;
  }

  async function mockExports(entry: MockEntry): Promise<Record<string, unknown>> {
    if (entry.exports) return entry.exports;
    entry.pending ??= Promise.resolve(makeMock(entry));
    return entry.pending;
  }

  /** Runs a factory (or automocks); sync when it can be, so plain require() gets it at once. */
  function makeMock(entry: MockEntry): Record<string, unknown> | Promise<Record<string, unknown>> {
    const settle = (value: unknown): Record<string, unknown> => {
      if (typeof value !== 'object' || value === null) {
        throw new Error(
          `[vitest] vi.mock("${entry.specifier}", factory?) is not returning an object. Did you mean to return an object with a "default" key?`,
        );
      }
      const exports = value as Record<string, unknown>;
      if (!Object.hasOwn(exports, '__esModule')) Object.defineProperty(exports, '__esModule', { value: true });
      entry.exports = exports;
      return exports;
    };
    const { key } = entryKey(entry);
    if (typeof entry.factory !== 'function') {
      const manual = manualMock(key);
      if (manual !== undefined) return loadAsync(manual).then(settle);
      if (!Object.hasOwn(files, key)) {
        throw new Error(`vi.mock('${entry.specifier}') without a factory needs the module in the workspace`);
      }
      return loadAsync(key).then((actual) => settle(automock(actual)));
    }
    const result: unknown = (entry.factory as (importOriginal: () => Promise<unknown>) => unknown)(() =>
      actualModule(key),
    );
    return result instanceof Promise ? result.then(settle) : settle(result);
  }

  function entryKey(entry: MockEntry): { key: string } {
    for (const [key, value] of registered) if (value === entry) return { key };
    return { key: entry.specifier };
  }

  /** A hand-written mock next to the module, in `__mocks__/`, used when vi.mock has no factory. */
  function manualMock(path: string): string | undefined {
    const slash = path.lastIndexOf('/');
    const candidate = `${path.slice(0, slash + 1)}__mocks__/${path.slice(slash + 1)}`;
    return Object.hasOwn(files, candidate) ? candidate : undefined;
  }

  async function actualModule(key: string): Promise<Record<string, unknown>> {
    const found = builtin(key);
    if (found.found) return found.value as Record<string, unknown>;
    if (!Object.hasOwn(files, key)) throw new Error(`Cannot find module '${key}' (packages are not available here)`);
    return loadAsync(key);
  }

  const importer = (): string | undefined => hoistingFrom ?? options.defaultImporter;
  const mocks: ModuleMocks = {
    mock(specifier, factory) {
      registered.set(mockKey(importer(), specifier), { factory, specifier });
      needsAsyncMemo.clear();
    },
    unmock(specifier) {
      registered.delete(mockKey(importer(), specifier));
      needsAsyncMemo.clear();
    },
    importActual: (specifier) => actualModule(mockKey(importer(), specifier)),
    async importMock(specifier) {
      const key = mockKey(importer(), specifier);
      const entry = registered.get(key) ?? { factory: undefined, specifier };
      if (!registered.has(key)) registered.set(key, entry);
      return mockExports(entry);
    },
    resetModules() {
      cache.clear();
      for (const entry of registered.values()) {
        delete entry.exports;
        delete entry.pending;
      }
    },
  };

  return { load: (path) => load(path).exports, loadAsync, mocks };
}

const views = new WeakMap<object, object>();

/**
 * An ES module's exports as importers see them: assigning to one throws, as it does on a module
 * namespace under Vitest, while `vi.spyOn` (which redefines the property) still works. The module itself
 * keeps writing to its own exports object, so `export let` bindings stay live.
 */
function namespaceView(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(value as { __esModule?: unknown }).__esModule) return value;
  let view = views.get(value);
  if (!view) {
    // A falsy `set` makes the importer's (strict mode) assignment throw a TypeError.
    view = new Proxy(value, { set: () => false });
    views.set(value, view);
  }
  return view;
}

/** What `import()` resolves to: an ES module namespace, or one made around a CommonJS/JSON value. */
function namespaceOf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && (value as { __esModule?: unknown }).__esModule) return value;
  if (typeof value !== 'object' || value === null) return { default: value };
  return { ...(value as Record<string, unknown>), default: value };
}

/** Compiled files by path and text: mutation checks load the same tests once per mutant. */
const compiled = new Map<string, string>();
const COMPILED_LIMIT = 500;

/** Strips TypeScript and rewrites ES modules to CommonJS, keeping every statement on its original line. */
export function toCommonJs(path: string, source: string): string {
  const key = `${path}\0${source}`;
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  const code = timePhase('transformMs', () => {
    try {
      const typescript = isTypeScript(path);
      const lowered = lowerModuleSyntax(path, typescript ? lowerTypeScript(path, source) : source, typescript);
      return transform(lowered, {
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
  });
  // Oldest first out; a learner's edits would otherwise grow the map for as long as the page is open.
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value ?? '');
  compiled.set(key, code);
  return code;
}

export function isTypeScript(path: string): boolean {
  return /\.(?:ts|mts|cts|tsx)$/.test(path);
}

function compile(path: string, source: string, scopeNames: readonly string[]): Compiled {
  const code = toCommonJs(path, source);
  // The wrapper opens on the same line as the code, so line N of the file is line N of the script.
  const params = ['exports', 'require', 'module', '__filename', '__dirname', ...scopeNames].join(', ');
  const wrap = (prefix: string): string =>
    `(${prefix}function (${params}) {${code}\n})\n//# sourceURL=${SOURCE_URL_PREFIX}${path}`;
  const imports = [...code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)].map((match) => match[2] ?? '');
  try {
    // Indirect eval (global scope, unlike a direct call that bundlers may produce from `const e = eval`),
    // and no extra header lines, which `new Function` would add.
    return { run: globalThis.eval(wrap('')) as ModuleFunction, isAsync: false, imports };
  } catch (error) {
    // Top-level await is only valid in an async function: the module is one.
    if (error instanceof SyntaxError && /\bawait\b/.test(error.message)) {
      try {
        return { run: globalThis.eval(wrap('async ')) as ModuleFunction, isAsync: true, imports };
      } catch {
        // The async form did not help: report the original error.
      }
    }
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

/**
 * `test.extend` fixtures, with Vitest's rules: a test gets only the fixtures its first parameter
 * destructures (and the `auto` ones), a fixture gets the ones it destructures itself, set-up code runs
 * before `use(value)` and teardown after the test, and `scope: 'file'` (or `'worker'`) ones are set up
 * once per file and torn down when the file is done.
 */

export interface FixtureDefinition {
  name: string;
  /** A set-up function `({ deps }, use) => …`, or undefined for a plain value. */
  fn: ((context: Record<string, unknown>, use: (value: unknown) => Promise<void>) => unknown) | undefined;
  value: unknown;
  auto: boolean;
  scope: 'test' | 'file';
}

export type Fixtures = ReadonlyMap<string, FixtureDefinition>;

const OPTION_KEYS = new Set(['auto', 'scope', 'injected']);

/** The definitions of one `test.extend({...})` call, added over the ones it extends. */
export function defineFixtures(base: Fixtures | undefined, input: unknown): Fixtures {
  const fixtures = new Map(base ?? []);
  if (typeof input !== 'object' || input === null) throw new TypeError('test.extend expects an object of fixtures');
  for (const [name, raw] of Object.entries(input)) {
    let definition: unknown = raw;
    let options: Record<string, unknown> = {};
    if (Array.isArray(raw) && raw.length === 2 && isOptions(raw[1])) [definition, options] = raw as [unknown, never];
    const scope = options['scope'] === 'file' || options['scope'] === 'worker' ? 'file' : 'test';
    fixtures.set(name, {
      name,
      fn: typeof definition === 'function' ? (definition as FixtureDefinition['fn']) : undefined,
      value: definition,
      auto: options['auto'] === true,
      scope,
    });
  }
  return fixtures;
}

function isOptions(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => OPTION_KEYS.has(k))
  );
}

/** Set-up and teardown of the fixtures of one file. */
export class FixtureRunner {
  readonly #fileValues = new Map<FixtureDefinition, unknown>();
  readonly #fileTeardowns: (() => Promise<void>)[] = [];

  /**
   * Adds to `context` the fixtures `wanted` names (or all, for a `...rest` pattern) and the auto ones;
   * returns the teardown of the test-scoped ones, to run once the test is over.
   */
  async setUp(
    fixtures: Fixtures,
    wanted: readonly string[] | 'all',
    context: Record<string, unknown>,
  ): Promise<() => Promise<void>> {
    const teardowns: (() => Promise<void>)[] = [];
    const ready = new Map<string, Promise<unknown>>();
    const resolve = (definition: FixtureDefinition, chain: readonly string[]): Promise<unknown> => {
      const existing = ready.get(definition.name);
      if (existing) return existing;
      if (chain.includes(definition.name)) {
        throw new Error(`Circular fixture dependency detected: ${[...chain, definition.name].join(' <- ')}`);
      }
      const started = (async () => {
        const fn = definition.fn;
        if (!fn) return definition.value;
        if (definition.scope === 'file' && this.#fileValues.has(definition)) return this.#fileValues.get(definition);
        const deps = parameterKeys(fn, 0);
        if (deps === undefined) throw fixtureParseError(fn);
        for (const name of deps === 'all' ? [...fixtures.keys()] : deps) {
          const dependency = fixtures.get(name);
          if (dependency && dependency !== definition)
            context[name] = await resolve(dependency, [...chain, definition.name]);
        }
        const value = await runFixture(fn, context, definition.scope === 'file' ? this.#fileTeardowns : teardowns);
        if (definition.scope === 'file') this.#fileValues.set(definition, value);
        return value;
      })();
      ready.set(definition.name, started);
      return started;
    };
    const names = wanted === 'all' ? [...fixtures.keys()] : wanted.filter((name) => fixtures.has(name));
    const auto = [...fixtures.values()].filter((f) => f.auto).map((f) => f.name);
    for (const name of [...new Set([...auto, ...names])]) {
      const definition = fixtures.get(name);
      if (definition) context[name] = await resolve(definition, []);
    }
    return async () => {
      for (const teardown of teardowns.reverse()) await teardown();
    };
  }

  /** Tears down the file-scoped fixtures, last set up first. */
  async tearDownFile(): Promise<void> {
    for (const teardown of this.#fileTeardowns.reverse()) await teardown();
  }
}

/** Runs a set-up function up to its `use(value)`; the teardown lets it finish. */
function runFixture(
  fn: NonNullable<FixtureDefinition['fn']>,
  context: Record<string, unknown>,
  teardowns: (() => Promise<void>)[],
): Promise<unknown> {
  return new Promise((resolveValue, reject) => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let used = false;
    const running = Promise.resolve().then(() =>
      fn(context, async (value) => {
        used = true;
        resolveValue(value);
        await released;
      }),
    );
    running.then(
      () => {
        if (!used) resolveValue(undefined);
      },
      (error: unknown) => reject(error),
    );
    teardowns.push(async () => {
      release();
      await running;
    });
  });
}

function fixtureParseError(fn: (...args: never[]) => unknown): Error {
  const error = new Error(
    `The 1st argument inside a fixture must use object destructuring pattern, e.g. ({ task } => {}). Instead, received "${firstParameter(fn) ?? ''}".`,
  );
  error.name = 'FixtureParseError';
  return error;
}

/**
 * The keys a function's parameter number `index` destructures, read from its source as Vitest does:
 * `'all'` for a `...rest` pattern, undefined when that parameter is not an object pattern.
 */
export function parameterKeys(fn: (...args: never[]) => unknown, index: number): string[] | 'all' | undefined {
  const parameter = parameters(fn)[index]?.trim();
  if (parameter === undefined || !parameter.startsWith('{')) return undefined;
  const body = parameter.slice(1, matching(parameter, 0));
  const keys: string[] = [];
  for (const part of splitTopLevel(body)) {
    const entry = part.trim();
    if (entry === '') continue;
    if (entry.startsWith('...')) return 'all';
    const key = /^(?:["']([^"']+)["']|([\w$]+))/.exec(entry);
    if (key) keys.push(key[1] ?? key[2] ?? '');
  }
  return keys;
}

function firstParameter(fn: (...args: never[]) => unknown): string | undefined {
  return parameters(fn)[0]?.trim();
}

/** The top-level parameters of a function or arrow, as source text. */
function parameters(fn: (...args: never[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn);
  const open = source.indexOf('(');
  const arrow = source.indexOf('=>');
  // `x => …`: one plain parameter before the arrow.
  if (arrow !== -1 && (open === -1 || arrow < open)) {
    return [source.slice(0, arrow).replace(/^async\s+/, '')];
  }
  if (open === -1) return [];
  return splitTopLevel(source.slice(open + 1, matching(source, open)));
}

/**
 * The characters of `text` from `from` on that are code, not inside a string literal, each with the
 * bracket depth after it: what both the bracket matcher and the comma splitter need of a source text.
 */
function* codeCharacters(text: string, from = 0): Generator<{ char: string; at: number; depth: number }> {
  let depth = 0;
  let quote: string | undefined;
  for (let at = from; at < text.length; at++) {
    const char = text[at] ?? '';
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    yield { char, at, depth };
  }
}

/** Index of the bracket closing the one at `open` (strings are skipped). */
function matching(text: string, open: number): number {
  for (const { char, at, depth } of codeCharacters(text, open)) if (')]}'.includes(char) && depth === 0) return at;
  return text.length;
}

/** The comma-separated parts of `text` at bracket depth 0 (commas in nested brackets and strings stay). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const { char, at, depth } of codeCharacters(text)) {
    if (char !== ',' || depth !== 0) continue;
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

import { caseArguments, formatTitle, tableCases } from './each.ts';
import { defineFixtures, parameterKeys, type Fixtures } from './fixtures.ts';
import { createSuite } from './suite-tree.ts';
import type { HookFunction, HookName, Mode, SuiteNode, TestContext, TestFunction } from './suite-tree.ts';

/**
 * The declaration half of the 'vitest' module: describe/it/test with Vitest's chainable modifiers
 * (`.only`, `.skip`, `.todo`, `.fails`, `.concurrent`, `.sequential`, `.skipIf`, `.runIf`, in any order),
 * `.each` (arrays or template tables), `.for`, `test.extend` fixtures and the four hooks, recording into a
 * suite tree that run-suite.ts then executes.
 */

type Options = { timeout?: number; concurrent?: boolean; sequential?: boolean } | number | undefined;
type TestArgs = [name: unknown, fnOrOptions?: unknown, fnOrTimeout?: unknown];
type Declare = (...args: TestArgs) => void;

/** What a chain of modifiers has said so far. */
interface Flags {
  mode: Mode;
  concurrent: boolean | undefined;
  fails: boolean;
  fixtures: Fixtures | undefined;
}

export interface Collector {
  root: SuiteNode;
  api: CollectorApi;
  /**
   * Runs the describe() callbacks, in declaration order and one at a time, awaiting async ones, as
   * Vitest does: a describe body only runs once the file's top level has finished.
   */
  collect(): Promise<void>;
}

/** A chainable `test` or `describe`; its modifiers are read as properties, as in Vitest. */
export type Chain = Declare & Record<string, unknown>;

export interface CollectorApi {
  describe: Chain;
  test: Chain;
  beforeAll(fn: HookFunction, timeout?: number): void;
  afterAll(fn: HookFunction, timeout?: number): void;
  beforeEach(fn: HookFunction, timeout?: number): void;
  afterEach(fn: HookFunction, timeout?: number): void;
}

const START: Flags = { mode: 'run', concurrent: undefined, fails: false, fixtures: undefined };

export function createCollector(): Collector {
  const root = createSuite('', 'run', undefined);
  const factories = new Map<SuiteNode, () => unknown>();
  let current = root;

  function title(name: unknown): string {
    return typeof name === 'function' ? name.name : String(name);
  }

  /** Vitest accepts (name, fn, timeout), (name, options, fn) and (name, fn, options). */
  function split(args: TestArgs): { fn: unknown; timeout: number | undefined; concurrent: boolean | undefined } {
    const [, a, b] = args;
    const fn = typeof a === 'function' ? a : b;
    const options = (typeof a === 'function' ? b : a) as Options;
    const timeout = typeof options === 'number' ? options : options?.timeout;
    const concurrent =
      typeof options === 'object' && options !== null
        ? options.concurrent === true
          ? true
          : options.sequential === true
            ? false
            : undefined
        : undefined;
    return { fn, timeout, concurrent };
  }

  function addSuite(flags: Flags, name: string, fn: unknown, concurrent: boolean | undefined): void {
    const suite = createSuite(name, flags.mode, current, concurrent ?? flags.concurrent);
    current.children.push(suite);
    if (typeof fn === 'function') factories.set(suite, fn as () => unknown);
  }

  async function collectSuite(suite: SuiteNode): Promise<void> {
    const factory = factories.get(suite);
    if (factory) {
      const parent = current;
      current = suite;
      try {
        await factory();
      } finally {
        current = parent;
      }
    }
    for (const child of [...suite.children]) if (child.kind === 'suite') await collectSuite(child);
  }

  /**
   * `contextAt` is the parameter of `source` that receives the test context (1 for `test.for`), whose
   * destructured keys pick the fixtures to set up.
   */
  function addTest(
    flags: Flags,
    name: string,
    parts: ReturnType<typeof split>,
    body: TestFunction | undefined,
    source: unknown,
    contextAt: number,
  ): void {
    const { mode } = flags;
    current.children.push({
      kind: 'test',
      name,
      mode: body || mode === 'skip' ? mode : 'todo',
      fn: body,
      timeout: parts.timeout,
      fails: flags.fails,
      concurrent: parts.concurrent ?? flags.concurrent,
      fixtures: flags.fixtures,
      contextKeys: typeof source === 'function' ? parameterKeys(source as () => unknown, contextAt) : undefined,
      parent: current,
    });
  }

  function suiteChain(flags: Flags): Chain {
    const declare: Declare = (...args) => {
      const { fn, concurrent } = split(args);
      addSuite(flags, title(args[0]), fn, concurrent);
    };
    const casesOf =
      (spread: boolean) =>
      (cases: unknown, ...values: unknown[]) =>
      (name: unknown, a?: unknown, b?: unknown): void => {
        const list = tableCases(cases, values);
        const { fn, concurrent } = split([name, a, b]);
        list.forEach((item, index) => {
          const items = Array.isArray(item) ? (item as unknown[]) : [item];
          const args = spread ? caseArguments(list, item) : [item];
          const run = typeof fn === 'function' ? () => (fn as HookFunction)(...args) : undefined;
          addSuite(flags, formatTitle(title(name), items, index), run, concurrent);
        });
      };
    return chain(declare, flags, suiteChain, { each: casesOf(true), for: casesOf(false) });
  }

  function testChain(flags: Flags): Chain {
    const declare: Declare = (...args) => {
      const parts = split(args);
      const fn = typeof parts.fn === 'function' ? (parts.fn as TestFunction) : undefined;
      addTest(flags, title(args[0]), parts, fn, fn, 0);
    };
    // test.each spreads a row into the test's arguments; test.for passes it whole, with the context after it.
    const casesOf =
      (spread: boolean) =>
      (cases: unknown, ...values: unknown[]) =>
      (name: unknown, a?: unknown, b?: unknown): void => {
        const list = tableCases(cases, values);
        const parts = split([name, a, b]);
        const handler = parts.fn;
        list.forEach((item, index) => {
          const items = Array.isArray(item) ? (item as unknown[]) : [item];
          const run =
            typeof handler === 'function'
              ? (context: TestContext) =>
                  spread
                    ? (handler as HookFunction)(...caseArguments(list, item))
                    : (handler as HookFunction)(item, context)
              : undefined;
          // Fixtures come from test.for's second parameter, the context; test.each's rows get none.
          addTest(flags, formatTitle(title(name), items, index), parts, run, spread ? undefined : handler, 1);
        });
      };
    return chain(declare, flags, testChain, {
      each: casesOf(true),
      for: casesOf(false),
      extend: (fixtures: unknown) => testChain({ ...flags, fixtures: defineFixtures(flags.fixtures, fixtures) }),
      fails: undefined,
    });
  }

  const hook =
    (name: HookName) =>
    (fn: HookFunction, timeout?: number): void => {
      current.hooks[name].push({ fn, timeout });
    };

  return {
    root,
    collect: () => collectSuite(root),
    api: {
      describe: suiteChain(START),
      test: testChain(START),
      beforeAll: hook('beforeAll'),
      afterAll: hook('afterAll'),
      beforeEach: hook('beforeEach'),
      afterEach: hook('afterEach'),
    },
  };
}

/**
 * Adds the modifiers to a declare function. They are getters building the next link on demand, so
 * `test.skip.concurrent.each` and `describe.concurrent.only` work in any order without building every
 * combination up front. `fails` is offered when `extra` lists it (tests only).
 */
function chain(declare: Declare, flags: Flags, next: (flags: Flags) => Chain, extra: Record<string, unknown>): Chain {
  const target = declare as Chain;
  const modifiers: Record<string, () => Flags> = {
    only: () => ({ ...flags, mode: flags.mode === 'skip' || flags.mode === 'todo' ? flags.mode : 'only' }),
    skip: () => ({ ...flags, mode: flags.mode === 'todo' ? 'todo' : 'skip' }),
    todo: () => ({ ...flags, mode: 'todo' }),
    concurrent: () => ({ ...flags, concurrent: true }),
    sequential: () => ({ ...flags, concurrent: false }),
    // Shuffling is a run-order option; the engines run files in declaration order, as Vitest does by default.
    shuffle: () => flags,
  };
  if ('fails' in extra) modifiers['fails'] = () => ({ ...flags, fails: true });
  for (const [name, flagsOf] of Object.entries(modifiers)) {
    Object.defineProperty(target, name, { get: () => next(flagsOf()), enumerable: true });
  }
  target['skipIf'] = (condition: unknown) => next(condition ? (modifiers['skip']?.() ?? flags) : flags);
  target['runIf'] = (condition: unknown) => next(condition ? flags : (modifiers['skip']?.() ?? flags));
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) target[name] = value;
  return target;
}

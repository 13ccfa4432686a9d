import { caseArguments, formatTitle } from './each.ts';
import { createSuite } from './suite-tree.ts';
import type { HookFunction, HookName, Mode, SuiteNode, TestContext, TestFunction } from './suite-tree.ts';

/**
 * The declaration half of the 'vitest' module: describe/it/test with their .only/.skip/.todo/.each
 * variants and the four hooks, recording into a suite tree that run-suite.ts then executes.
 */

type Options = { timeout?: number } | number | undefined;
type TestArgs = [name: unknown, fnOrOptions?: unknown, fnOrTimeout?: unknown];

export interface Collector {
  root: SuiteNode;
  api: CollectorApi;
  /**
   * Runs the describe() callbacks, in declaration order and one at a time, awaiting async ones, as
   * Vitest does: a describe body only runs once the file's top level has finished.
   */
  collect(): Promise<void>;
}

type Declare = ((...args: TestArgs) => void) & {
  each(cases: readonly unknown[]): (name: unknown, fn?: unknown, options?: unknown) => void;
};

export interface CollectorApi {
  describe: Declare & {
    only: Declare;
    skip: Declare;
    todo: Declare;
    skipIf(c: unknown): Declare;
    runIf(c: unknown): Declare;
  };
  test: Declare & {
    only: Declare;
    skip: Declare;
    todo: Declare;
    fails: Declare;
    skipIf(c: unknown): Declare;
    runIf(c: unknown): Declare;
  };
  beforeAll(fn: HookFunction, timeout?: number): void;
  afterAll(fn: HookFunction, timeout?: number): void;
  beforeEach(fn: HookFunction, timeout?: number): void;
  afterEach(fn: HookFunction, timeout?: number): void;
}

export function createCollector(): Collector {
  const root = createSuite('', 'run', undefined);
  const factories = new Map<SuiteNode, () => unknown>();
  let current = root;

  function title(name: unknown): string {
    return typeof name === 'function' ? name.name : String(name);
  }

  /** Vitest accepts (name, fn, timeout), (name, options, fn) and (name, fn, options). */
  function split(args: TestArgs): { fn: unknown; timeout: number | undefined } {
    const [, a, b] = args;
    const fn = typeof a === 'function' ? a : b;
    const options = (typeof a === 'function' ? b : a) as Options;
    const timeout = typeof options === 'number' ? options : options?.timeout;
    return { fn, timeout };
  }

  function addSuite(mode: Mode, name: string, fn: unknown): void {
    const suite = createSuite(name, mode, current);
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

  function addTest(mode: Mode, name: string, fn: unknown, timeout: number | undefined, fails = false): void {
    const body = typeof fn === 'function' ? (fn as TestFunction) : undefined;
    current.children.push({
      kind: 'test',
      name,
      mode: body || mode === 'skip' ? mode : 'todo',
      fn: body,
      timeout,
      fails,
      parent: current,
    });
  }

  function declareSuite(mode: Mode): Declare {
    const declare = (...args: TestArgs): void => addSuite(mode, title(args[0]), split(args).fn);
    return Object.assign(declare, {
      each: (cases: readonly unknown[]) => (name: unknown, fn?: unknown) => {
        cases.forEach((item, index) => {
          const items = Array.isArray(item) ? (item as unknown[]) : [item];
          const run = typeof fn === 'function' ? () => (fn as HookFunction)(...caseArguments(cases, item)) : undefined;
          addSuite(mode, formatTitle(title(name), items, index), run);
        });
      },
    });
  }

  function declareTest(mode: Mode, fails = false): Declare {
    const declare = (...args: TestArgs): void => {
      const { fn, timeout } = split(args);
      addTest(mode, title(args[0]), fn, timeout, fails);
    };
    return Object.assign(declare, {
      each: (cases: readonly unknown[]) => (name: unknown, fn?: unknown, options?: unknown) => {
        const { fn: body, timeout } = split([name, fn, options]);
        cases.forEach((item, index) => {
          const items = Array.isArray(item) ? (item as unknown[]) : [item];
          const run =
            typeof body === 'function'
              ? (_context: TestContext) => (body as HookFunction)(...caseArguments(cases, item))
              : undefined;
          addTest(mode, formatTitle(title(name), items, index), run, timeout, fails);
        });
      },
    });
  }

  const hook =
    (name: HookName) =>
    (fn: HookFunction, timeout?: number): void => {
      current.hooks[name].push({ fn, timeout });
    };

  const describe = Object.assign(declareSuite('run'), {
    only: declareSuite('only'),
    skip: declareSuite('skip'),
    todo: declareSuite('todo'),
    skipIf: (condition: unknown) => declareSuite(condition ? 'skip' : 'run'),
    runIf: (condition: unknown) => declareSuite(condition ? 'run' : 'skip'),
  });
  const test = Object.assign(declareTest('run'), {
    only: declareTest('only'),
    skip: declareTest('skip'),
    todo: declareTest('todo'),
    fails: declareTest('run', true),
    skipIf: (condition: unknown) => declareTest(condition ? 'skip' : 'run'),
    runIf: (condition: unknown) => declareTest(condition ? 'run' : 'skip'),
  });

  return {
    root,
    collect: () => collectSuite(root),
    api: {
      describe,
      test,
      beforeAll: hook('beforeAll'),
      afterAll: hook('afterAll'),
      beforeEach: hook('beforeEach'),
      afterEach: hook('afterEach'),
    },
  };
}

/** The tests and suites a test file declares, as collected before anything runs (Vitest's collection phase). */

import type { Fixtures } from './fixtures.ts';

export type Mode = 'run' | 'skip' | 'only' | 'todo';

/** What a test or hook receives as its first argument (a subset of Vitest's TestContext). */
export interface TestContext {
  readonly task: { readonly name: string };
  readonly expect: unknown;
  readonly signal: AbortSignal;
  skip(conditionOrNote?: unknown, note?: string): void;
  onTestFinished(fn: () => unknown): void;
  onTestFailed(fn: () => unknown): void;
  /** Fixture values from `test.extend`, by name. */
  [fixture: string]: unknown;
}

export type TestFunction = (context: TestContext) => unknown;
export type HookFunction = (...args: unknown[]) => unknown;
export type HookName = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach';

export interface Hook {
  fn: HookFunction;
  timeout: number | undefined;
}

export interface TestNode {
  kind: 'test';
  name: string;
  mode: Mode;
  fn: TestFunction | undefined;
  timeout: number | undefined;
  /** `test.fails`: passes only when the body throws. */
  fails: boolean;
  /** `test.concurrent` (true) or `test.sequential` (false); undefined follows the enclosing suites. */
  concurrent: boolean | undefined;
  /** The `test.extend` fixtures this test was declared with. */
  fixtures: Fixtures | undefined;
  /** The context keys the test function destructures ('all' for `...rest`), which decides its fixtures. */
  contextKeys: readonly string[] | 'all' | undefined;
  parent: SuiteNode;
}

export interface SuiteNode {
  kind: 'suite';
  name: string;
  mode: Mode;
  children: (SuiteNode | TestNode)[];
  hooks: Record<HookName, Hook[]>;
  /** `describe.concurrent` (true) or `describe.sequential` (false); undefined inherits. */
  concurrent: boolean | undefined;
  parent: SuiteNode | undefined;
}

export function createSuite(
  name: string,
  mode: Mode,
  parent: SuiteNode | undefined,
  concurrent: boolean | undefined = undefined,
): SuiteNode {
  return {
    kind: 'suite',
    name,
    mode,
    children: [],
    hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] },
    concurrent,
    parent,
  };
}

/** Whether a test runs alongside its concurrent neighbours: its own flag, else the nearest suite's. */
export function isConcurrent(test: TestNode): boolean {
  if (test.concurrent !== undefined) return test.concurrent;
  for (let suite: SuiteNode | undefined = test.parent; suite; suite = suite.parent) {
    if (suite.concurrent !== undefined) return suite.concurrent;
  }
  return false;
}

/** Enclosing describe names, outermost first, without the file's root suite. */
export function suitePath(node: TestNode | SuiteNode): string[] {
  const names: string[] = [];
  for (let suite = node.kind === 'test' ? node.parent : node; suite?.parent; suite = suite.parent) {
    names.unshift(suite.name);
  }
  return names;
}

export function* allTests(suite: SuiteNode): Generator<TestNode> {
  for (const child of suite.children) {
    if (child.kind === 'test') yield child;
    else yield* allTests(child);
  }
}

function containsOnly(suite: SuiteNode): boolean {
  return suite.children.some((child) => child.mode === 'only' || (child.kind === 'suite' && containsOnly(child)));
}

/**
 * Applies skip, todo and only the way Vitest's interpretTaskModes does: once a file uses `.only`, only
 * the marked tests run, plus every test inside a marked suite unless that suite marks some itself.
 */
export function interpretModes(root: SuiteNode): void {
  const onlyMode = containsOnly(root);
  visit(root, false);

  function visit(suite: SuiteNode, insideOnly: boolean): void {
    for (const child of suite.children) {
      if (suite.mode === 'skip' && child.mode !== 'todo') child.mode = 'skip';
      if (suite.mode === 'todo') child.mode = 'todo';
      if (child.kind === 'suite') {
        const marked = child.mode === 'only';
        if (onlyMode && child.mode === 'run' && !insideOnly && !containsOnly(child)) child.mode = 'skip';
        if (marked) child.mode = 'run';
        visit(child, onlyMode && (insideOnly || marked) && !containsOnly(child));
      } else if (child.mode === 'only') {
        child.mode = 'run';
      } else if (onlyMode && child.mode === 'run' && !insideOnly) {
        child.mode = 'skip';
      }
    }
  }
}

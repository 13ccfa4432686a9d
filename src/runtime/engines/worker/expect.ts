import {
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  addCustomEqualityTesters,
  chai,
  customMatchers,
  getState,
  setState,
} from '@vitest/expect';
import type { ExpectStatic, MatchersObject, Tester } from '@vitest/expect';
import { installSnapshotMatchers } from './snapshots.ts';

/**
 * `expect` built from @vitest/expect the way Vitest builds its own (createExpect in vitest's runtime),
 * so matchers, messages and diffs are the ones learners see from the Node engine.
 */

// The same plugins, in the same order, as Vitest. When Vitest itself already set up this chai (our unit
// tests run the harness inside Vitest), its copy of the same plugins stays: applying them twice would
// wrap `throw` twice and break `.rejects.toThrow`.
if (!Object.hasOwn(chai.Assertion.prototype, 'toEqual')) {
  chai.use(JestExtend);
  chai.use(JestChaiExpect);
  chai.use(ChaiStyleAssertions);
  chai.use(JestAsymmetricMatchers);
}

// Snapshot matchers are Vitest's own plugin, not part of @vitest/expect: ours (snapshots.ts). Under
// Vitest, in this project's unit tests, Vitest's real ones are already there and stay.
if (!('toMatchInlineSnapshot' in chai.Assertion.prototype)) installSnapshotMatchers();

/** The parts of a running test that @vitest/expect reads through the `vitest-test` flag. */
export interface ExpectTask {
  readonly type: 'test';
  readonly name: string;
  readonly fullTestName: string;
  /** Pending `.resolves`/`.rejects` assertions; the runner awaits them after the test body. */
  promises?: Promise<unknown>[];
  /** Checks to run when the test ends (an un-awaited `.resolves` fails the test here). */
  onFinished?: (() => unknown)[];
  /** Errors recorded by `expect.soft`, already processed for display. */
  result?: { state: string; errors?: unknown[] };
}

interface CountState {
  assertionCalls: number;
  isExpectingAssertions: boolean;
  isExpectingAssertionsError: Error | null;
  expectedAssertionsNumber: number | null;
  expectedAssertionsNumberErrorGen: (() => Error) | null;
}

type ChaiWithTest = { withTest(task: ExpectTask): unknown };

export interface TestExpect {
  expect: ExpectStatic;
  /** Resets assertion counting for the next test, as Vitest does per test. */
  startTest(task: ExpectTask, testPath: string): void;
  /** Throws when `expect.assertions(n)` or `expect.hasAssertions()` was not satisfied. */
  verifyAssertions(): void;
}

export function createTestExpect(): TestExpect {
  let current: ExpectTask | undefined;
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect) as CountState;
    setState({ assertionCalls: assertionCalls + 1 }, expect);
    const assertion = chai.expect(value, message) as unknown as ChaiWithTest;
    return current ? assertion.withTest(current) : assertion;
  }) as ExpectStatic;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);

  const loose = expect as unknown as Record<string, unknown>;
  loose['assert'] = chai.assert;
  expect.extend = (matchers: MatchersObject) => (chai.expect as unknown as Extendable).extend(expect, matchers);
  loose['addEqualityTesters'] = (testers: Tester[]) => addCustomEqualityTesters(testers);
  loose['soft'] = (value: unknown, message?: string) =>
    (expect(value, message) as unknown as { withContext(c: object): unknown }).withContext({ soft: true });
  loose['unreachable'] = (message?: string) => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`);
  };
  loose['poll'] = () => {
    throw new Error('expect.poll is not supported by the in-browser engine; use vi.waitFor or fake timers.');
  };
  chai.util.addMethod(expect, 'assertions', function assertions(expected: number) {
    const errorGen = () =>
      new Error(
        `expected number of assertions to be ${expected}, but got ${(getState(expect) as CountState).assertionCalls}`,
      );
    setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen }, expect);
  });
  chai.util.addMethod(expect, 'hasAssertions', function hasAssertions() {
    const error = new Error('expected any number of assertion, but got none');
    setState({ isExpectingAssertions: true, isExpectingAssertionsError: error }, expect);
  });
  expect.extend(customMatchers);
  resetState(expect, '', '');

  return {
    expect,
    startTest(task, testPath) {
      current = task;
      resetState(expect, task.fullTestName, testPath);
    },
    verifyAssertions() {
      const state = getState(expect) as CountState;
      if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
        throw state.expectedAssertionsNumberErrorGen?.() ?? new Error('expected number of assertions');
      }
      if (state.isExpectingAssertions && state.assertionCalls === 0) {
        throw state.isExpectingAssertionsError ?? new Error('expected any number of assertion, but got none');
      }
    },
  };
}

interface Extendable {
  extend(expect: ExpectStatic, matchers: MatchersObject): void;
}

function resetState(expect: ExpectStatic, currentTestName: string, testPath: string): void {
  setState(
    {
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      currentTestName,
      testPath,
    },
    expect,
  );
}

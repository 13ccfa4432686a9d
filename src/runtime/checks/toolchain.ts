import type { LintProblem, TestResult, EngineName } from '../report/check-report.ts';
import type { CompilerOverrides } from '../typecheck/compiler-options.ts';
import type { TypeDiagnostic } from '../typecheck/type-program.ts';

/** Workspace files by path (forward slashes, relative to the workspace root) to their text. */
export type Files = Readonly<Record<string, string>>;

/**
 * What a check kind may ask of an engine. Check kinds are written once against this interface; each
 * engine backend (Node, worker, WebContainer) supplies its own implementation with the real or the
 * in-browser tools. A kind that needs nothing from the toolchain (document structure) ignores it.
 */
export interface Toolchain {
  readonly engine: EngineName;
  /** Lint `targets` inside `files` with the flat config at `config` (a path inside `files`). */
  lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]>;
  /** `tsc --noEmit` over `targets` (and what they import) inside `files`; diagnostics in tsc's order. */
  typecheck(files: Files, request: TypecheckRequest, signal: AbortSignal): Promise<TypeDiagnostic[]>;
  /**
   * Run the Vitest-style test files `targets` inside `files`; one result per test, skipped ones included.
   * `observer` hears each test start and finish, at the latest before the promise settles (also when it
   * rejects because the run was stopped), so a run stopped at its limit still shows what had finished.
   */
  test(files: Files, request: TestRequest, signal: AbortSignal, observer?: TestObserver): Promise<TestResult[]>;
  /**
   * Optional batch form of `test`: the same targets in several workspaces (mutation testing swaps one
   * file per workspace). Backends that pay a start-up cost per run implement it to pay it once; callers
   * fall back to one `test` call per workspace. Results come back in the order of `workspaces`.
   */
  testEach?(workspaces: readonly Files[], request: TestRequest, signal: AbortSignal): Promise<TestResult[][]>;
}

/** Which test: its file, enclosing `describe` names and own name, as in TestResult. */
export type TestRef = Pick<TestResult, 'file' | 'suite' | 'name'>;

export interface TestObserver {
  testStarted(test: TestRef): void;
  testFinished(result: TestResult): void;
}

export interface LintRequest {
  config: string;
  targets: readonly string[];
  /** Parse TypeScript with typescript-eslint and a program, so type-aware rules can run (lint's `typeAware`). */
  typeAware?: boolean;
}

export interface TypecheckRequest {
  targets: readonly string[];
  compilerOptions: CompilerOverrides;
}

export interface TestRequest {
  targets: readonly string[];
  /** Per-test time limit in milliseconds. */
  testTimeoutMs?: number;
  /**
   * Run files and the tests inside each suite in Vitest's shuffled order for this seed
   * (`--sequence.shuffle --sequence.seed=<n>`); omitted: the declared order.
   */
  shuffleSeed?: number;
}

/** Thrown by a toolchain when a run passes its time limit, so graders report `timeout`, not `error`. */
export class RunTimeoutError extends Error {
  // A plain field, not a parameter property: Node's type stripping only accepts erasable syntax.
  readonly limitMs: number;
  /** `message` says which limit when it was not the wall clock (CPU time, from the sandbox). */
  constructor(limitMs: number, message?: string) {
    super(
      message ??
        `Stopped after ${limitMs} ms: the code under test did not finish (an endless loop or a promise that never settles?)`,
    );
    this.name = 'RunTimeoutError';
    this.limitMs = limitMs;
  }
}

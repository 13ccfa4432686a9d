import type { LintProblem, TestResult } from '../../report/check-report.ts';
import type {
  Files,
  LintRequest,
  TestObserver,
  TestRequest,
  Toolchain,
  TypecheckRequest,
} from '../../checks/toolchain.ts';
import type { TypeKit, TypeKitLoader } from '../../typecheck/kit.ts';
import { createTypeProgram, typeDiagnostics, type TypeDiagnostic } from '../../typecheck/type-program.ts';
import { lintFiles } from './lint.ts';
import { snapshotGlobals } from './global-snapshot.ts';
import { runTestFile } from './run-test-file.ts';
import { shuffleFiles } from './shuffle.ts';
import { timePhase } from './phase-times.ts';

/** Vitest's per-test limit in the Node engine (NodeToolchain's default), so both engines agree on slow tests. */
export const DEFAULT_TEST_TIMEOUT_MS = 2_000;

/**
 * The instant engine's tools: ESLint's browser Linter and a Vitest-compatible harness, both in-process
 * on in-memory files. Runs under Node as well, which is how its unit tests and the benchmark use it.
 * Type-aware checks take the TypeScript compiler from `loadTypeKit`: in the browser the page sends it
 * only for exercises that need it (type-kit-entry.ts); without one, those checks report why they cannot run.
 */
export class WorkerToolchain implements Toolchain {
  readonly engine = 'worker' as const;
  readonly #loadTypeKit: TypeKitLoader | undefined;

  constructor(loadTypeKit?: TypeKitLoader) {
    this.#loadTypeKit = loadTypeKit;
  }

  async lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]> {
    const kit = request.typeAware ? await this.#typeKit() : undefined;
    signal.throwIfAborted();
    return timePhase('lintMs', () => lintFiles(files, request, kit));
  }

  async typecheck(files: Files, request: TypecheckRequest, signal: AbortSignal): Promise<TypeDiagnostic[]> {
    const kit = await this.#typeKit();
    signal.throwIfAborted();
    return typeDiagnostics(kit, createTypeProgram(kit, files, request.targets, request.compilerOptions));
  }

  async #typeKit(): Promise<TypeKit> {
    if (!this.#loadTypeKit)
      throw new Error('Type-aware checks need the TypeScript payload, which this worker was not given');
    return this.#loadTypeKit();
  }

  async test(files: Files, request: TestRequest, signal: AbortSignal, observer?: TestObserver): Promise<TestResult[]> {
    const results: TestResult[] = [];
    const { shuffleSeed } = request;
    const targets = shuffleSeed === undefined ? request.targets : shuffleFiles(request.targets, shuffleSeed);
    for (const target of targets) {
      signal.throwIfAborted();
      if (files[target] === undefined) throw new Error(`No test file ${target} in the workspace`);
      const timeoutMs = request.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
      const restoreGlobals = snapshotGlobals();
      try {
        results.push(...(await runTestFile(files, target, { timeoutMs, signal, shuffleSeed, observer })));
      } finally {
        restoreGlobals();
      }
    }
    return results;
  }
}

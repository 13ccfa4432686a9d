import type { LintProblem, TestResult } from '../../report/check-report.ts';
import type { Files, LintRequest, TestRequest, Toolchain } from '../../checks/toolchain.ts';
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
 */
export class WorkerToolchain implements Toolchain {
  readonly engine = 'worker' as const;

  async lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]> {
    signal.throwIfAborted();
    return timePhase('lintMs', () => lintFiles(files, request));
  }

  async test(files: Files, request: TestRequest, signal: AbortSignal): Promise<TestResult[]> {
    const results: TestResult[] = [];
    const { shuffleSeed } = request;
    const targets = shuffleSeed === undefined ? request.targets : shuffleFiles(request.targets, shuffleSeed);
    for (const target of targets) {
      signal.throwIfAborted();
      if (files[target] === undefined) throw new Error(`No test file ${target} in the workspace`);
      const timeoutMs = request.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
      const restoreGlobals = snapshotGlobals();
      try {
        results.push(...(await runTestFile(files, target, { timeoutMs, signal, shuffleSeed })));
      } finally {
        restoreGlobals();
      }
    }
    return results;
  }
}

import { composeWorkspace, solutionFiles, type ExerciseBundle } from '../../exercise/bundle.ts';
import type { Files, Toolchain } from '../../checks/toolchain.ts';
import { toCommonJs } from './module-loader.ts';
import type { WarmUpLane } from './protocol.ts';

/**
 * Work a fresh run worker does before it says it is ready, so the learner's run does not pay for cold
 * code: a worker's first lint and first test file take 3 to 5 times as long as later ones (the JIT
 * compiles ESLint's rules, Sucrase, the module loader and the harness on first use; measured under Node
 * with scratch runs of runChecks, 105 ms cold against 35 ms warm on feed-dataloader).
 *
 * Only trusted code runs here, before any learner code reaches the worker: the exercise's own lint configs
 * on its reference solution (lint executes the config, which is author content in the bundle), and a
 * built-in test file through the harness. The exercise's tests are not run: some take real time (a rate
 * limiter's real sleeps) and the learner's run would wait behind them.
 *
 * An exercise with type-aware checks also gets its type kit evaluated here (by the first type-aware
 * lint, or the typecheck), and the lib files parsed once for the program cache (program-cache.ts), so a
 * run's worker does not pay for either. A run's worker also typechecks the solution: the compiler's
 * checker is cold code as much as ESLint's rules are. The lint lane never typechecks, so it skips that.
 */
export async function warmUp(
  bundle: ExerciseBundle,
  toolchain: Toolchain,
  lane: WarmUpLane,
  likelyFiles?: Files,
): Promise<void> {
  const signal = new AbortController().signal;
  const workspace = composeWorkspace(bundle, solutionFiles(bundle));
  // A run's worker only (the lint lane's never loads modules): the host sends it the likely files.
  if (likelyFiles) transformAhead({ ...composeWorkspace(bundle, bundle.starter), ...workspace, ...likelyFiles });
  // Twice: V8 optimises a function only after it has run a while, and the second round is what gets there.
  for (let round = 0; round < ROUNDS; round++) {
    for (const check of bundle.meta.checks) {
      if (check.kind === 'lint') {
        await quietly(() =>
          toolchain.lint(workspace, { config: check.config, targets: check.files, typeAware: check.typeAware }, signal),
        );
      } else if (check.kind === 'typecheck' && lane === 'run') {
        const request = { targets: check.files, compilerOptions: check.compilerOptions ?? {} };
        await quietly(() => toolchain.typecheck(workspace, request, signal));
      }
    }
    await quietly(() => toolchain.test(WARM_FILES, { targets: [WARM_TEST] }, signal));
  }
}

/**
 * Sucrase's output for every module the run will probably load: the exercise's tests, starter, hidden
 * files and solution, and the learner's files as the last request had them. The module loader keeps
 * transforms by path and text (toCommonJs), so a run pays only for the files that changed since. A run's
 * first transforms were most of its time: on split-the-diff under Node, 337 ms for the first run of a
 * fresh worker against 22 ms with its files transformed ahead. Transforming is parsing, not running:
 * learner text is safe here, and a file that does not parse is reported by the run itself.
 */
function transformAhead(files: Files): void {
  for (const [path, source] of Object.entries(files)) {
    if (!/\.(?:[cm]?[jt]s|tsx)$/.test(path)) continue;
    try {
      toCommonJs(path, source);
    } catch {
      // The run reports the syntax error with the learner's line and column.
    }
  }
}

/** A warm-up that fails changes nothing: the learner's run reports its own errors. */
async function quietly(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch {
    // Nothing to report; the run that follows starts from the same state either way.
  }
}

const ROUNDS = 2;
const WARM_TEST = '.craftpath/warm-up.test.ts';

/** The harness's common paths: a describe block, a TypeScript import, matchers, a spy, an async test. */
const WARM_FILES = {
  '.craftpath/add.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  [WARM_TEST]: [
    "import { describe, expect, it, vi } from 'vitest';",
    "import { add } from './add';",
    '',
    "describe('warm-up', () => {",
    "  it('adds', async () => {",
    '    const spy = vi.fn(add);',
    '    expect(spy(1, 2)).toBe(3);',
    '    expect(spy).toHaveBeenCalledWith(1, 2);',
    '    expect({ total: [add(1, 1)] }).toEqual({ total: [2] });',
    '    await expect(Promise.resolve(add(2, 2))).resolves.toBe(4);',
    "    expect(() => { throw new Error('no'); }).toThrow('no');",
    '  });',
    '});',
    '',
  ].join('\n'),
};

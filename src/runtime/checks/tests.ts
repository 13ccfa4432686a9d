import type { TestResult } from '../report/check-report.ts';
import { READS_NOTHING, type CheckKind, type CheckOutcome, type SpecOf } from './kind.ts';
import type { Files, Toolchain } from './toolchain.ts';

/**
 * Runs test files (hidden scenarios, visible tests) on the workspace; every test must pass. With `shuffle`
 * it runs them several times in shuffled order instead, and the first run that fails is the result.
 */
export const testsKind: CheckKind<SpecOf<'tests'>> = {
  kind: 'tests',
  toolchain: 'test',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  async run(spec, { bundle, workspace: learnerState, toolchain, signal }) {
    const workspace = withStarterFiles(learnerState, bundle.starter, spec.starterFiles);
    if (spec.shuffle) return runShuffled(spec, spec.shuffle, workspace, toolchain, signal);
    const tests = await toolchain.test(workspace, { targets: spec.files }, signal);
    return { ...judgeTests(tests), tests };
  },
};

/** The workspace of an earlier step: `paths` as the starter has them, everything else as the learner's. */
export function withStarterFiles(workspace: Files, starter: Files, paths: readonly string[]): Files {
  if (paths.length === 0) return workspace;
  const earlier: Record<string, string> = { ...workspace };
  for (const path of paths) {
    const text = starter[path];
    if (text === undefined) throw new Error(`starterFiles: ${path} is not a starter file`);
    earlier[path] = text;
  }
  return earlier;
}

/** Pass only when at least one test ran and none failed; a file that failed to load counts as a failure. */
export function judgeTests(tests: readonly TestResult[]): { status: 'pass' | 'fail'; summary: string } {
  const ran = tests.filter((t) => t.status === 'pass' || t.status === 'fail');
  const passed = ran.filter((t) => t.status === 'pass').length;
  if (ran.length === 0) return { status: 'fail', summary: 'No test ran' };
  return {
    status: passed === ran.length ? 'pass' : 'fail',
    summary: `${passed} of ${ran.length} tests pass`,
  };
}

/** The seeds of one graded run: fixed ones reproduce a grade, fresh ones find more orders over time. */
export function shuffleSeeds(shuffle: { runs: number; seed?: number | undefined }, fresh = randomSeed): number[] {
  const first = shuffle.seed ?? fresh();
  return Array.from({ length: shuffle.runs }, (_, i) => first + i);
}

/** The command that replays one shuffled order with the real Vitest, as the learner would run it. */
export function replayCommand(seed: number): string {
  return `npx vitest run --sequence.shuffle --sequence.seed=${seed}`;
}

async function runShuffled(
  spec: SpecOf<'tests'>,
  shuffle: { runs: number; seed?: number | undefined },
  workspace: Files,
  toolchain: Toolchain,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const seeds = shuffleSeeds(shuffle);
  let last: TestResult[] = [];
  for (const seed of seeds) {
    const tests = await toolchain.test(workspace, { targets: spec.files, shuffleSeed: seed }, signal);
    const judged = judgeTests(tests);
    if (judged.status === 'fail') {
      // Every failure names its seed: the learner sees which order broke it and how to get that order again.
      const note = `In shuffled order (seed ${seed}; replay: ${replayCommand(seed)}): `;
      return {
        status: 'fail',
        summary: `${judged.summary} in shuffled order, seed ${seed}: tests depend on each other's state or order`,
        tests: tests.map((t) =>
          t.failure ? { ...t, failure: { ...t.failure, message: note + t.failure.message } } : t,
        ),
      };
    }
    last = tests;
  }
  const judged = judgeTests(last);
  return {
    ...judged,
    summary: `${judged.summary} in ${seeds.length} shuffled orders (seeds ${seeds.join(', ')})`,
    tests: last,
  };
}

/** A seed like Vitest's default (it uses Date.now()), kept within what its CLI parses as a number. */
function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

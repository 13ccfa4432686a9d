import type { CheckReport, Status } from '../runtime/report/check-report.ts';
import type { WrongSolution } from '../content/schema/exercise.ts';
import { solutionFiles, type ExerciseBundle } from '../runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../runtime/exercise/fixture-edits.ts';
import { WorkerToolchain } from '../runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../runtime/engines/node/node-type-kit.ts';
import { AUTHOR_TODO, findAuthorTodos } from '../runtime/exercise/bundle-problems.ts';
import { ExerciseLoadError, loadExercise } from '../runtime/exercise/load-from-disk.ts';
import { runChecks } from '../runtime/grading/run-checks.ts';
import type { Files, Toolchain } from '../runtime/checks/toolchain.ts';
import { checkDetails } from './report-lines.ts';
import { paint } from './style.ts';
import { mapLimit } from './map-limit.ts';

export interface VerifyOutcome {
  slug: string;
  /** Table cells: what each run showed. */
  starter: string;
  solution: string;
  wrong: string;
  durationMs: number;
  /** Empty when the exercise is sound; otherwise each says what is wrong and where to look. */
  problems: string[];
  /** Each wrong solution that failed its caughtBy check in both engines, and that check (for --list). */
  caught: string[];
}

interface Run {
  files: Files;
  /** What verify expects of the verdict. */
  expect: 'pass' | 'fail' | { caughtBy: string };
  describe: string;
}

/**
 * Proves an exercise is gradable: the schema and files are consistent, the solution passes every check,
 * the starter fails (for a reason a check names), and every wrong solution fails on the check it names
 * as `caughtBy`, in the Node engine and again in the worker engine, so neither engine lets it through.
 */
export async function verifyExercise(
  exercisesDir: string,
  slug: string,
  toolchain: Toolchain,
  worker: Toolchain = new WorkerToolchain(loadNodeTypeKit),
): Promise<VerifyOutcome> {
  const began = Date.now();
  const outcome: VerifyOutcome = {
    slug,
    starter: '-',
    solution: '-',
    wrong: '-',
    durationMs: 0,
    problems: [],
    caught: [],
  };
  let bundle: ExerciseBundle;
  try {
    const loaded = await loadExercise(exercisesDir, slug);
    bundle = loaded.bundle;
    const todos = findAuthorTodos(bundle, loaded.yamlText);
    if (todos.length > 0) {
      outcome.problems.push(
        `${todos.length} ${AUTHOR_TODO} placeholder(s) left from "exercises new"; fill them in: ${todos.join(', ')}`,
      );
      return { ...outcome, solution: 'todo', durationMs: Date.now() - began };
    }
  } catch (error) {
    if (!(error instanceof ExerciseLoadError)) throw error;
    return { ...outcome, solution: 'invalid', problems: [...error.problems], durationMs: Date.now() - began };
  }
  const { meta } = bundle;
  const solution: Run = { files: solutionFiles(bundle), expect: 'pass', describe: 'the solution' };
  const starter: Run = { files: bundle.starter, expect: meta.starterFails ? 'fail' : 'pass', describe: 'the starter' };
  const wrongRuns: Run[] = meta.wrongSolutions.map((w) => ({
    files: wrongSolutionFiles(bundle, w),
    expect: { caughtBy: w.caughtBy },
    describe: `wrong solution "${w.id}" ("${w.mistake}")`,
  }));
  const runs = [solution, starter, ...wrongRuns];
  // Two at a time: each run already starts ESLint or Vitest processes, and the machine has few cores.
  const reports = await mapLimit(runs, 2, (run) => grade(bundle, run, toolchain));
  // The worker engine runs in this process and swaps globals (fake timers) while a test runs, so its runs
  // go one at a time, after the Node runs; it is in-process and fast, so this costs little.
  const workerRuns = [solution, ...wrongRuns];
  const workerReports: CheckReport[] = [];
  for (const run of workerRuns) {
    const { report, unhandled } = await withUnhandledRejections(() => grade(bundle, run, worker));
    workerReports.push(report);
    // Vitest fails a run whose code leaves a rejected promise nobody handles; in this process it would
    // end verify itself, so it is caught here and reported against the run that left it.
    if (unhandled.length > 0)
      outcome.problems.push(
        `${run.describe} left ${unhandled.length} unhandled promise rejection(s) in the worker engine (${unhandled[0]}); Vitest would fail the run, the worker engine does not report it`,
      );
  }
  runs.forEach((run, i) => {
    const report = reports[i];
    if (report) outcome.problems.push(...judge(run, report));
  });
  workerRuns.forEach((run, i) => {
    const report = workerReports[i];
    if (report) outcome.problems.push(...judge(run, report));
  });
  const [solutionReport, starterReport] = reports;
  const solutionPasses = [solutionReport, workerReports[0]].every((r) => r?.verdict === 'pass');
  outcome.solution = solutionPasses
    ? paint('green', 'pass')
    : paint('red', [solutionReport, workerReports[0]].find((r) => r?.verdict !== 'pass')?.verdict ?? '-');
  outcome.starter = starterReport ? starterCell(starterReport, meta.starterFails) : '-';
  outcome.caught = caughtLines(meta.wrongSolutions, reports.slice(2), workerReports.slice(1));
  outcome.wrong = wrongCell(outcome.caught, meta.wrongSolutions.length);
  outcome.durationMs = Date.now() - began;
  return outcome;
}

/**
 * Grades one run. A wrong solution first runs only its caughtBy check, which is all verify needs when
 * that check fails (most of verify's time would otherwise go to checks nobody asked about); when it does
 * not fail, every check runs, so the problem can say which checks failed instead.
 */
async function grade(bundle: ExerciseBundle, run: Run, toolchain: Toolchain): Promise<CheckReport> {
  if (typeof run.expect !== 'object') return runChecks(bundle, run.files, toolchain);
  const { caughtBy } = run.expect;
  const only = { ...bundle, meta: { ...bundle.meta, checks: bundle.meta.checks.filter((c) => c.id === caughtBy) } };
  const report = await runChecks(only, run.files, toolchain);
  if (report.checks.some((c) => c.id === caughtBy && c.status === 'fail')) return report;
  return runChecks(bundle, run.files, toolchain);
}

/** Runs `work` with unhandled rejections recorded instead of ending the process. */
async function withUnhandledRejections<T>(work: () => Promise<T>): Promise<{ report: T; unhandled: string[] }> {
  const unhandled: string[] = [];
  const record = (reason: unknown): void => {
    unhandled.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  process.on('unhandledRejection', record);
  try {
    const report = await work();
    // A rejection is reported after the microtask queue drains; give it that turn before stopping to listen.
    await new Promise((resolve) => setImmediate(resolve));
    return { report, unhandled };
  } finally {
    process.off('unhandledRejection', record);
  }
}

/** How a check that should have failed ended, as a verb phrase. */
const STATUS_VERB: Record<Status, string> = {
  pass: 'passes',
  fail: 'fails',
  error: 'could not run',
  timeout: 'timed out',
};

function judge(run: Run, report: CheckReport): string[] {
  const failing = report.checks.filter((c) => c.status !== 'pass');
  const engine = `${report.engine} engine`;
  const explain = (): string =>
    failing
      .map((c) =>
        [`check "${c.id}" ${c.status}: ${c.summary}`, ...checkDetails(c, 3).map((d) => `    ${d}`)].join('\n    '),
      )
      .join('\n    ');
  if (run.expect === 'pass' && report.verdict !== 'pass') {
    return [`${run.describe} does not pass in the ${engine}:\n    ${explain()}`];
  }
  if (run.expect === 'fail' && report.verdict === 'pass') {
    return [
      `${run.describe} already passes every check, so a learner would have nothing to do (set starterFails: false if that is intended)`,
    ];
  }
  if (run.expect === 'fail' && report.verdict !== 'fail') {
    return [`${run.describe} should fail a check cleanly, but:\n    ${explain()}`];
  }
  if (typeof run.expect === 'object') {
    const { caughtBy } = run.expect;
    const check = report.checks.find((c) => c.id === caughtBy);
    if (check?.status === 'fail') return [];
    if (report.verdict === 'pass')
      return [
        `${run.describe} passes every check in the ${engine}: add a check or a hidden test that catches this mistake`,
      ];
    const others = failing.filter((c) => c.id !== caughtBy);
    const caughtElsewhere =
      others.length > 0 ? ` (failing instead: ${others.map((c) => `"${c.id}" ${c.status}`).join(', ')})` : '';
    const how = check === undefined ? 'was not run' : `${STATUS_VERB[check.status]}: ${check.summary}`;
    return [
      `${run.describe} must fail check "${caughtBy}" (its caughtBy), but in the ${engine} "${caughtBy}" ${how}${caughtElsewhere}`,
    ];
  }
  return [];
}

/** "4/4 caught": how many wrong solutions failed their caughtBy check in both engines. */
function wrongCell(caught: readonly string[], total: number): string {
  if (total === 0) return paint('dim', 'none');
  return paint(caught.length === total ? 'green' : 'red', `${caught.length}/${total} caught`);
}

/** One line per wrong solution that both engines caught, naming the check that caught it. */
function caughtLines(wrongs: readonly WrongSolution[], fromNode: CheckReport[], fromWorker: CheckReport[]): string[] {
  const failsIn = (report: CheckReport | undefined, id: string): boolean =>
    report?.checks.find((c) => c.id === id)?.status === 'fail';
  return wrongs
    .filter((w, i) => failsIn(fromNode[i], w.caughtBy) && failsIn(fromWorker[i], w.caughtBy))
    .map((w) => `${w.id}: fails check "${w.caughtBy}" in the node and worker engines (${w.mistake})`);
}

function starterCell(report: CheckReport, shouldFail: boolean): string {
  if (!shouldFail)
    return report.verdict === 'pass' ? paint('green', 'passes (intended)') : paint('red', report.verdict);
  if (report.verdict === 'pass') return paint('red', 'passes!');
  const failed = report.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  // Two ids say which checks bite; a longer list would only widen the table.
  const shown = failed.length > 2 ? `${failed.slice(0, 2).join(', ')} +${failed.length - 2} more` : failed.join(', ');
  return paint(report.verdict === 'fail' ? 'green' : 'red', `${report.verdict}s: ${shown}`);
}

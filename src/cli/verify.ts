import type { CheckReport } from '../runtime/report/check-report.ts';
import { solutionFiles, wrongSolutionFiles, type ExerciseBundle } from '../runtime/exercise/bundle.ts';
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
}

interface Run {
  label: string;
  files: Files;
  /** What verify expects of the verdict. */
  expect: 'pass' | 'fail' | 'not-pass';
  describe: string;
}

/**
 * Proves an exercise is gradable: the schema and files are consistent, the solution passes every check,
 * the starter fails (for a reason a check names), and every wrong solution is caught by some check.
 */
export async function verifyExercise(exercisesDir: string, slug: string, toolchain: Toolchain): Promise<VerifyOutcome> {
  const began = Date.now();
  const outcome: VerifyOutcome = { slug, starter: '-', solution: '-', wrong: '-', durationMs: 0, problems: [] };
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
  const runs: Run[] = [
    { label: 'solution', files: solutionFiles(bundle), expect: 'pass', describe: 'the solution' },
    {
      label: 'starter',
      files: bundle.starter,
      expect: meta.starterFails ? 'fail' : 'pass',
      describe: 'the starter',
    },
    ...meta.wrongSolutions.map((w) => ({
      label: w.dir,
      files: wrongSolutionFiles(bundle, w.dir),
      expect: 'not-pass' as const,
      describe: `wrong solution ${w.dir} ("${w.mistake}")`,
    })),
  ];
  // Two at a time: each run already starts ESLint or Vitest processes, and the machine has few cores.
  const reports = await mapLimit(runs, 2, (run) => runChecks(bundle, run.files, toolchain));
  runs.forEach((run, i) => {
    const report = reports[i];
    if (report) outcome.problems.push(...judge(run, report));
  });
  const [solution, starter, ...wrong] = reports;
  outcome.solution = solution?.verdict === 'pass' ? paint('green', 'pass') : paint('red', solution?.verdict ?? '-');
  outcome.starter = starter ? starterCell(starter, meta.starterFails) : '-';
  const caught = wrong.filter((r) => r.verdict !== 'pass').length;
  outcome.wrong =
    wrong.length === 0
      ? paint('dim', 'none')
      : paint(caught === wrong.length ? 'green' : 'red', `${caught}/${wrong.length} caught`);
  outcome.durationMs = Date.now() - began;
  return outcome;
}

function judge(run: Run, report: CheckReport): string[] {
  const failing = report.checks.filter((c) => c.status !== 'pass');
  const explain = (): string =>
    failing
      .map((c) =>
        [`check "${c.id}" ${c.status}: ${c.summary}`, ...checkDetails(c, 3).map((d) => `    ${d}`)].join('\n    '),
      )
      .join('\n    ');
  if (run.expect === 'pass' && report.verdict !== 'pass') {
    return [`${run.describe} does not pass:\n    ${explain()}`];
  }
  if (run.expect === 'fail' && report.verdict === 'pass') {
    return [
      `${run.describe} already passes every check, so a learner would have nothing to do (set starterFails: false if that is intended)`,
    ];
  }
  if (run.expect === 'fail' && report.verdict !== 'fail') {
    return [`${run.describe} should fail a check cleanly, but:\n    ${explain()}`];
  }
  if (run.expect === 'not-pass' && report.verdict === 'pass') {
    return [`${run.describe} passes every check: add a check or a hidden test that catches this mistake`];
  }
  return [];
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

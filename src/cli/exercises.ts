import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { listExerciseSlugs, loadExercise, ExerciseLoadError } from '../runtime/exercise/load-from-disk.ts';
import { NodeToolchain } from '../runtime/engines/node/node-toolchain.ts';
import { EXIT, checkOnce, prepareWorkDir, watchAndCheck } from './check.ts';
import { scaffoldExercise } from './new-exercise.ts';
import { defaultExercisesDir, defaultWorkDir } from './project-paths.ts';
import { seconds } from './report-lines.ts';
import { formatTable } from './table.ts';
import { paint } from './style.ts';
import { verifyExercise } from './verify.ts';
import { CliError } from './cli-error.ts';
import { untrustedRunWarning } from './sandbox-warning.ts';
import { probeSandboxHost } from '../runtime/sandbox/host-layers.ts';

const USAGE = `Usage: npm run exercises -- <command> [options]

Commands:
  verify [slug…] [--list]   Check that exercises are gradable: schema valid, solution passes,
                            starter fails, every wrong solution fails the check its caughtBy names,
                            in the Node and the worker engine. All exercises if none named.
                            --list prints each wrong solution with the check that caught it.
  new <slug>                Scaffold exercises/<slug>/ with TODO(author) placeholders to fill in.
  check <slug> [--dir PATH] [--watch] [--trust]
                            Grade your own copy of an exercise offline. Without --dir, a copy of the
                            starter is made under .cache/workspaces/<slug>/ and its path printed.
                            The code runs in a sandbox; where this machine cannot give every part of
                            it, check says which and needs --trust to run a folder it did not write.

Options:
  --exercises-dir PATH      Where exercises live (default: exercises/ in this repository).
  -h, --help                Show this help.

check exits 0 on pass, 1 on fail, 2 when a check could not run, 3 on timeout.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      watch: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      trust: { type: 'boolean', default: false },
      'exercises-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  const exercisesDir = resolve(values['exercises-dir'] ?? defaultExercisesDir());
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'verify':
      return verify(exercisesDir, args, values.list);
    case 'new':
      return scaffold(exercisesDir, args);
    case 'check':
      return check(exercisesDir, args, values.dir, values.watch, values.trust);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

async function verify(exercisesDir: string, slugs: string[], list: boolean): Promise<number> {
  const chosen = slugs.length > 0 ? slugs : await listExerciseSlugs(exercisesDir);
  if (chosen.length === 0) {
    console.error(`No exercises found in ${exercisesDir}.`);
    return 1;
  }
  const toolchain = new NodeToolchain();
  const outcomes = [];
  for (const slug of chosen) {
    process.stderr.write(paint('dim', `verifying ${slug}…\n`, process.stderr));
    outcomes.push(await verifyExercise(exercisesDir, slug, toolchain));
  }
  const rows = outcomes.map((o) => [
    o.problems.length === 0 ? paint('green', `✓ ${o.slug}`) : paint('red', `✗ ${o.slug}`),
    o.starter,
    o.solution,
    o.wrong,
    seconds(o.durationMs),
  ]);
  console.log(formatTable(['exercise', 'starter', 'solution', 'wrong solutions', 'time'], rows).join('\n'));
  if (list) {
    for (const o of outcomes.filter((o) => o.caught.length > 0)) {
      console.log(`\n${o.slug}`);
      for (const line of o.caught) console.log(`  ✓ ${line}`);
    }
  }
  const broken = outcomes.filter((o) => o.problems.length > 0);
  for (const o of broken) {
    console.log(`\n${paint('red', `✗ ${o.slug}`)}`);
    for (const problem of o.problems) console.log(`  - ${problem}`);
  }
  console.log(
    broken.length === 0
      ? paint('green', `\nAll ${outcomes.length} exercise(s) verified.`)
      : paint('red', `\n${broken.length} of ${outcomes.length} exercise(s) failed verification.`),
  );
  return broken.length === 0 ? 0 : 1;
}

async function scaffold(exercisesDir: string, args: string[]): Promise<number> {
  const [slug] = args;
  if (slug === undefined) {
    console.error('Usage: npm run exercises -- new <slug>');
    return 2;
  }
  const dir = await scaffoldExercise(exercisesDir, slug);
  console.log(
    `Created ${relative(process.cwd(), dir)}/. Replace every TODO(author), then run:\n  npm run exercises -- verify ${slug}`,
  );
  return 0;
}

async function check(
  exercisesDir: string,
  args: string[],
  dirOption: string | undefined,
  watchMode: boolean,
  trusted: boolean,
): Promise<number> {
  const [slug] = args;
  if (slug === undefined) {
    console.error('Usage: npm run exercises -- check <slug> [--dir PATH] [--watch]');
    return 2;
  }
  const { bundle } = await loadExercise(exercisesDir, slug);
  const dir = resolve(dirOption ?? defaultWorkDir(slug));
  if (await prepareWorkDir(bundle, dir)) {
    console.log(
      `Copied the starter of "${bundle.meta.title}" to ${dir}\nEdit the files there and check again${watchMode ? '' : ' (add --watch to re-check on save)'}.\n`,
    );
  } else {
    // Files the CLI did not write may be anyone's (a mentee's folder, a download): say what the sandbox lacks first.
    const warning = untrustedRunWarning(await probeSandboxHost(), dir, trusted);
    if (warning) console.error(paint(trusted ? 'yellow' : 'red', warning.join('\n'), process.stderr));
    if (warning && !trusted) return EXIT.error;
    console.log(paint('dim', `Checking your files in ${dir}\n`));
  }
  const toolchain = new NodeToolchain();
  const report = await checkOnce(bundle, dir, toolchain);
  if (!watchMode) return EXIT[report.verdict];
  console.log(paint('dim', `Watching ${dir} for changes (Ctrl-C to stop)`));
  const watcher = watchAndCheck(bundle, dir, toolchain);
  await new Promise<void>((done) => process.once('SIGINT', done).once('SIGTERM', done));
  watcher.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ExerciseLoadError || error instanceof CliError)
      console.error(paint('red', error.message, process.stderr));
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 2;
  },
);

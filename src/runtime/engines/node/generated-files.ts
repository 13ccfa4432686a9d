import { FAILURE_META_KEY } from '../../parse/vitest-json.ts';
import { BASE_COMPILER_OPTIONS, GLOBALS_D_TS, GLOBALS_D_TS_PATH } from '../../typecheck/compiler-options.ts';
import type { Files } from '../../checks/toolchain.ts';

/**
 * Files the engine adds next to the learner's: they are the engine's choices (parser, reporter setup),
 * not the exercise's, so every exercise gets them the same way.
 */

/** Run-level package.json: exercise files are ES modules (an eslint.config.js with `export default`). */
export const PACKAGE_JSON = JSON.stringify({ private: true, type: 'module' });

/**
 * A neutral tsconfig so Vite's TypeScript transform does not pick up the host project's settings
 * (verbatimModuleSyntax there would keep type-only imports and break plain exercise code).
 */
export const TSCONFIG_JSON = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true },
});

export const ESLINT_WRAPPER = 'eslint.craftpath.config.mjs';

/** The project a type-aware lint builds: every TypeScript file, with the options every engine uses. */
export const TYPE_AWARE_TSCONFIG = 'tsconfig.craftpath-lint.json';

/** Files a type-aware lint adds to the workspace: its tsconfig and the globals it declares. */
export function typeAwareLintFiles(): Files {
  return {
    [GLOBALS_D_TS_PATH]: GLOBALS_D_TS,
    [TYPE_AWARE_TSCONFIG]: JSON.stringify({
      compilerOptions: BASE_COMPILER_OPTIONS,
      files: [GLOBALS_D_TS_PATH],
      include: ['**/*.ts', '**/*.mts', '**/*.cts'],
    }),
  };
}

/**
 * ESLint entry config: typescript-eslint's parser for TypeScript files, then the exercise's own config
 * for the rules. The exercise config stays import-free so the worker engine can evaluate the same file.
 * Type-aware: the parser gets the project, and typescript-eslint's rules are registered under their
 * usual prefix, so the exercise config turns one on by name ('@typescript-eslint/no-floating-promises').
 */
export function eslintWrapperConfig(exerciseConfig: string, typeAware = false): string {
  const parserOptions = typeAware
    ? `, parserOptions: { project: ${JSON.stringify('./' + TYPE_AWARE_TSCONFIG)}, tsconfigRootDir: import.meta.dirname }`
    : '';
  return [
    "import tsParser from '@typescript-eslint/parser';",
    ...(typeAware ? ["import tsRules from '@typescript-eslint/eslint-plugin/use-at-your-own-risk/rules';"] : []),
    `import exercise from ${JSON.stringify('./' + exerciseConfig)};`,
    `const typescript = { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser${parserOptions} } };`,
    ...(typeAware ? ["const typed = { plugins: { '@typescript-eslint': { rules: tsRules } } };"] : []),
    `export default [typescript, ${typeAware ? 'typed, ' : ''}...(Array.isArray(exercise) ? exercise : [exercise])];`,
    '',
  ].join('\n');
}

export const FAILURE_META_SETUP = 'failure-meta.setup.js';

/** Where the setup file logs each test as it starts and finishes, next to itself (parseVitestProgress). */
export const TEST_PROGRESS_FILE = 'test-progress.jsonl';

/**
 * Vitest setup file. It copies a failed assertion's expected/actual/diff into the test's meta, which the
 * JSON reporter keeps (it keeps only the stack of an error); parseVitestJson reads it back. And it logs
 * every test as it starts and as it finishes, synchronously from the test's own thread: the JSON report
 * is written only at the end, and Vitest's own progress messages are batched, so after an endless loop
 * the log is all that tells which tests had finished. Its lines are shaped like the JSON report's.
 */
// The context is destructured: Vitest reads a hook's first parameter for the `test.extend` fixtures it
// needs, and a plain \`(context) =>\` failed every test of a file using fixtures with FixtureParseError.
export const FAILURE_META_SETUP_SOURCE = `import { appendFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
const log = new URL(${JSON.stringify('./' + TEST_PROGRESS_FILE)}, import.meta.url);
const ancestors = (task) => {
  const titles = [];
  for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) titles.unshift(suite.name);
  return titles;
};
beforeEach(({ task, onTestFailed, onTestFinished }) => {
  const test = { file: task.file.filepath, ancestorTitles: ancestors(task), title: task.name };
  appendFileSync(log, JSON.stringify({ event: 'started', ...test }) + '\\n');
  onTestFinished(() => {
    const errors = task.result?.errors ?? [];
    const failed = task.result?.state === 'fail';
    // Vitest flips a \`fails\` test's outcome after these hooks.
    const status = failed !== Boolean(task.fails) ? 'failed' : 'passed';
    const failureMessages = status === 'failed' ? (failed ? errors.map((e) => e.stack || e.message) : ['AssertionError: Expect test to fail']) : [];
    const error = failed && !task.fails ? errors[0] : undefined;
    const meta = error ? { ${JSON.stringify(FAILURE_META_KEY)}: { expected: error.expected, actual: error.actual, diff: error.diff } } : {};
    const duration = task.result?.duration ?? 0;
    appendFileSync(log, JSON.stringify({ event: 'finished', ...test, status, duration, failureMessages, meta }) + '\\n');
  });
  onTestFailed(() => {
    const error = task.result?.errors?.[0];
    if (!error) return;
    task.meta[${JSON.stringify(FAILURE_META_KEY)}] = { expected: error.expected, actual: error.actual, diff: error.diff };
  });
});
`;

/** Vitest's own flags for a seeded shuffled run (files and tests), or none for the declared order. */
export function shuffleArgs(seed: number | undefined): string[] {
  return seed === undefined ? [] : ['--sequence.shuffle', `--sequence.seed=${seed}`];
}

/** The reporter that writes the errors Vitest caught outside tests, which its JSON report leaves out. */
export const UNHANDLED_REPORTER = 'craftpath-unhandled-reporter.mjs';
export const UNHANDLED_ERRORS_FILE = 'unhandled-errors.json';

export function unhandledReporterSource(outputFile: string): string {
  return `import { writeFileSync } from 'node:fs';
export default class UnhandledErrorsReporter {
  onTestRunEnd(_modules, errors) {
    const list = (errors ?? []).map((e) => ({ type: e.type, name: e.name, message: e.message, path: e.VITEST_TEST_PATH, test: e.VITEST_TEST_NAME }));
    writeFileSync(${JSON.stringify(outputFile)}, JSON.stringify(list));
  }
}
`;
}

/**
 * One Vitest run over every workspace copy (w0/, w1/, …): one process and one Vite server, so mutants do
 * not pay a start-up each. Copies cannot share module state: each lives in its own folder, so its modules
 * have different paths. Threads without per-file isolation measured two to three times faster than with it
 * (13 mutants on two loaded cores); the cost, shared module state between test files of one workspace, is
 * documented for authors in docs/authoring-exercises.md.
 */
export function vitestConfig(
  folders: readonly string[],
  include: readonly string[],
  setupFile: string,
  testTimeoutMs: number,
): string {
  const config = {
    // Vite's and Vitest's caches in the run's folder: node_modules is mounted read-only.
    cacheDir: '.vite',
    test: {
      watch: false,
      include: folders.flatMap((folder) => include.map((pattern) => `${folder}/${pattern}`)),
      setupFiles: [setupFile],
      testTimeout: testTimeoutMs,
      hookTimeout: testTimeoutMs,
      pool: 'threads',
      isolate: false,
    },
  };
  return `export default ${JSON.stringify(config, null, 2)};\n`;
}

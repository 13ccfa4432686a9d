import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintProblem, TestResult } from '../../report/check-report.ts';
import {
  RunTimeoutError,
  type Files,
  type LintRequest,
  type TestObserver,
  type TestRequest,
  type Toolchain,
  type TypecheckRequest,
} from '../../checks/toolchain.ts';
import { createTypeProgram, typeDiagnostics, type TypeDiagnostic } from '../../typecheck/type-program.ts';
import { loadNodeTypeKit } from './node-type-kit.ts';
import { parseEslintJson } from '../../parse/eslint-json.ts';
import { parseVitestJson, parseVitestProgress } from '../../parse/vitest-json.ts';
import { parseUnhandledErrors } from '../../parse/vitest-unhandled.ts';
import { stripAnsi } from '../../parse/ansi.ts';
import { runSandboxed, type SandboxedRun } from '../../sandbox/run-sandboxed.ts';
import { probeSandboxHost } from '../../sandbox/host-layers.ts';
import { SandboxWorkspace } from '../../sandbox/workspace.ts';
import type { CompileCache } from '../../sandbox/command-line.ts';
import { describeLimitHit, type SandboxLimits } from '../../sandbox/limits.ts';
import { writeFiles } from './run-folder.ts';
import { lintConfigSyntaxError } from '../../checks/lint-config-error.ts';
import {
  ESLINT_WRAPPER,
  FAILURE_META_SETUP,
  shuffleArgs,
  FAILURE_META_SETUP_SOURCE,
  PACKAGE_JSON,
  TEST_PROGRESS_FILE,
  TSCONFIG_JSON,
  UNHANDLED_ERRORS_FILE,
  UNHANDLED_REPORTER,
  eslintWrapperConfig,
  typeAwareLintFiles,
  unhandledReporterSource,
  vitestConfig,
} from './generated-files.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface NodeToolchainOptions {
  /** Where run workspaces are made (default: os.tmpdir()); never inside the project, which learner code must not reach. */
  runsDir?: string;
  /** node_modules holding eslint, vitest and typescript-eslint; mounted read-only into each run. */
  nodeModules?: string;
  /** Hard wall-clock limit per tool process, a backstop under runChecks' own limit. */
  processLimitMs?: number;
  /** The sandbox's other limits per tool process (CPU, memory, processes, output); see sandbox/limits.ts. */
  limits?: Partial<SandboxLimits>;
  /** Per-test limit inside Vitest, for promises that never settle. */
  testTimeoutMs?: number;
  /** Keep run folders for debugging instead of deleting them. */
  keepRunFolders?: boolean;
  /** Node's compile cache shared by runs (read-only to them); null for none. Default: .cache/compile-cache/. */
  compileCacheDir?: string | null;
}

/**
 * The real ESLint and the real Vitest, each run as a sandboxed child process (src/runtime/sandbox) on a
 * copy of the files, reading the same JSON output (`--format json`, `--reporter=json`) the WebContainer
 * engine reads.
 */
export class NodeToolchain implements Toolchain {
  readonly engine = 'node' as const;
  readonly #options: NodeToolchainOptions & { nodeModules: string; limits: Partial<SandboxLimits> };

  constructor(options: NodeToolchainOptions = {}) {
    this.#options = {
      ...options,
      nodeModules: options.nodeModules ?? join(PROJECT_ROOT, 'node_modules'),
      limits: { wallMs: options.processLimitMs ?? 120_000, ...options.limits },
    };
  }

  /** While a warm-up runs: the cache it may write. Otherwise undefined, and runs get it read-only. */
  #warming: CompileCache | undefined;
  #cacheReady: Promise<CompileCache | undefined> | undefined;

  async lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]> {
    return this.#inWorkspace(async (workspace) => {
      await writeWorkspace(workspace.onHost('w0'), request.typeAware ? { ...files, ...typeAwareLintFiles() } : files);
      await writeFile(
        workspace.onHost(join('w0', ESLINT_WRAPPER)),
        eslintWrapperConfig(request.config, request.typeAware),
      );
      const eslint = join(workspace.nodeModules, 'eslint', 'bin', 'eslint.js');
      // --no-inline-config: an `eslint-disable` comment must not be a way to pass a lint gate.
      const args = [
        eslint,
        '--format',
        'json',
        '--no-inline-config',
        '--config',
        ESLINT_WRAPPER,
        '--',
        ...request.targets,
      ];
      const run = await this.#run(workspace, args, 'w0', signal);
      const root = workspace.inside('w0');
      // Exit code 2 is ESLint's "could not lint" (a broken config); 0 and 1 come with a JSON report.
      if (run.code !== 0 && run.code !== 1) {
        const output = run.stderr || run.stdout;
        // Node's loader names no line for a config that does not parse; find it, so the author can.
        const located = /SyntaxError/.test(output) ? await configSyntaxError(files, request.config) : undefined;
        throw new Error(located ?? toolError('ESLint', output, workspace));
      }
      return parseEslintJson(run.stdout, { root });
    });
  }

  /**
   * In the host process, not the sandbox: building a program only reads the learner's files (no code of
   * theirs runs, not even their config), and one compiler loaded once is seconds faster than a tsc per run.
   */
  async typecheck(files: Files, request: TypecheckRequest, signal: AbortSignal): Promise<TypeDiagnostic[]> {
    const kit = await loadNodeTypeKit();
    signal.throwIfAborted();
    return typeDiagnostics(kit, createTypeProgram(kit, files, request.targets, request.compilerOptions));
  }

  async test(files: Files, request: TestRequest, signal: AbortSignal, observer?: TestObserver): Promise<TestResult[]> {
    const [results = []] = await this.#testRun([files], request, signal, observer);
    return results;
  }

  testEach(workspaces: readonly Files[], request: TestRequest, signal: AbortSignal): Promise<TestResult[][]> {
    return this.#testRun(workspaces, request, signal, undefined);
  }

  async #testRun(
    workspaces: readonly Files[],
    request: TestRequest,
    signal: AbortSignal,
    observer: TestObserver | undefined,
  ): Promise<TestResult[][]> {
    return this.#inWorkspace(async (workspace) => {
      const folders = workspaces.map((_, i) => `w${i}`);
      await Promise.all(workspaces.map((files, i) => writeWorkspace(workspace.onHost(`w${i}`), files)));
      await writeFile(workspace.onHost(FAILURE_META_SETUP), FAILURE_META_SETUP_SOURCE);
      const testTimeout = request.testTimeoutMs ?? this.#options.testTimeoutMs ?? 2_000;
      const setup = workspace.inside(FAILURE_META_SETUP);
      await writeFile(
        workspace.onHost('vitest.config.mjs'),
        vitestConfig(folders, request.targets, setup, testTimeout),
      );
      const vitest = join(workspace.nodeModules, 'vitest', 'vitest.mjs');
      const report = workspace.inside('report.json');
      await writeFile(
        workspace.onHost(UNHANDLED_REPORTER),
        unhandledReporterSource(workspace.inside(UNHANDLED_ERRORS_FILE)),
      );
      // The native loader imports the config as it is; the default bundles it into node_modules/.vite-temp,
      // which is read-only in the sandbox.
      const args = [
        vitest,
        'run',
        '--config',
        'vitest.config.mjs',
        '--configLoader',
        'native',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...shuffleArgs(request.shuffleSeed),
        // Errors outside tests fail `vitest run` but are missing from the JSON report.
        `--reporter=${workspace.inside(UNHANDLED_REPORTER)}`,
      ];
      // The log is read once the process has ended, however it ended: stopped at the time limit, it is the
      // only record of the tests that had finished.
      const run = await this.#run(workspace, args, '', signal).finally(() =>
        observer ? tellProgress(workspace, observer) : undefined,
      );
      const text = await readFile(workspace.onHost('report.json'), 'utf8').catch(() => undefined);
      if (text === undefined) throw new Error(toolError('Vitest', run.stderr || run.stdout, workspace));
      const all = parseVitestJson(text, { root: workspace.dir });
      const unhandled = await readFile(workspace.onHost(UNHANDLED_ERRORS_FILE), 'utf8').catch(() => '[]');
      const fallbackFile = `${folders[0] ?? 'w0'}/${request.targets[0] ?? ''}`;
      all.push(...parseUnhandledErrors(unhandled, { root: workspace.dir, fallbackFile }));
      // Paths come back as "w3/src/x.test.ts"; split them per workspace and drop the prefix.
      return folders.map((folder) =>
        all
          .filter((t) => t.file.startsWith(`${folder}/`))
          .map((t) => withoutRunPaths(t, `${folder}/`, workspace.inside(folder) + '/', workspace.dir + '/')),
      );
    });
  }

  /** One sandboxed tool process; a limit it hit becomes the error a learner reads. */
  async #run(workspace: SandboxWorkspace, args: string[], cwd: string, signal: AbortSignal): Promise<SandboxedRun> {
    const compileCache = this.#warming ?? (await this.#readOnlyCache());
    const run = await runSandboxed({
      ...(compileCache ? { compileCache } : {}),
      workspace,
      command: 'node',
      args,
      cwd,
      signal,
      limits: this.#options.limits,
      env: { NODE_ENV: 'test' },
    });
    if (run.limit === 'timeout') throw new RunTimeoutError(run.limits.wallMs);
    if (run.limit === 'cpu') throw new RunTimeoutError(run.limits.wallMs, describeLimitHit('cpu', run.limits));
    if (run.limit !== undefined) throw new Error(describeLimitHit(run.limit, run.limits));
    return run;
  }

  /**
   * The shared compile cache, filled first (once per process, when empty) by linting and testing a file of
   * our own: only trusted input ever writes to it, so learner code cannot plant compiled code for later runs.
   */
  #readOnlyCache(): Promise<CompileCache | undefined> {
    this.#cacheReady ??= (async () => {
      const dir =
        this.#options.compileCacheDir === undefined
          ? join(PROJECT_ROOT, '.cache', 'compile-cache')
          : this.#options.compileCacheDir;
      if (dir === null) return undefined;
      await mkdir(dir, { recursive: true });
      if ((await readdir(dir)).length === 0) {
        this.#warming = { hostDir: dir, writable: true };
        try {
          const signal = AbortSignal.timeout(60_000);
          await this.lint(WARM_UP_FILES, { config: 'eslint.config.js', targets: ['src/warm.ts'] }, signal);
          await this.test(WARM_UP_FILES, { targets: ['src/warm.test.ts'] }, signal);
        } catch {
          // A failed warm-up only costs speed; the run that asked still runs.
        } finally {
          this.#warming = undefined;
        }
      }
      return { hostDir: dir, writable: false };
    })();
    return this.#cacheReady;
  }

  async #inWorkspace<T>(work: (workspace: SandboxWorkspace) => Promise<T>): Promise<T> {
    const workspace = await SandboxWorkspace.create(
      await probeSandboxHost(),
      this.#options.nodeModules,
      this.#options.runsDir,
    );
    try {
      await writeFile(workspace.onHost('package.json'), PACKAGE_JSON);
      return await work(workspace);
    } finally {
      if (!this.#options.keepRunFolders) await workspace.remove();
    }
  }
}

/** Replays the setup file's test log (generated-files.ts) to `observer`, with workspace paths. */
async function tellProgress(workspace: SandboxWorkspace, observer: TestObserver): Promise<void> {
  const text = await readFile(workspace.onHost(TEST_PROGRESS_FILE), 'utf8').catch(() => '');
  const folder = workspace.inside('w0');
  for (const entry of parseVitestProgress(text, { root: folder })) {
    if (entry.event === 'started') observer.testStarted(entry.test);
    else observer.testFinished(withoutRunPaths(entry.result, '', folder + '/', workspace.dir + '/'));
  }
}

/** Trusted files that load what every lint and test run loads: ESLint, typescript-eslint, Vitest, Vite. */
const WARM_UP_FILES: Files = {
  'eslint.config.js': "export default [{ rules: { eqeqeq: 'error' } }];\n",
  'src/warm.ts': 'export const warm = (n: number): number => n + 1;\n',
  'src/warm.test.ts':
    "import { expect, it } from 'vitest';\nimport { warm } from './warm.ts';\nit('warms', () => expect(warm(1)).toBe(2));\n",
};

async function writeWorkspace(root: string, files: Files): Promise<void> {
  await writeFiles(root, { 'tsconfig.json': TSCONFIG_JSON, ...files });
}

/**
 * A result with every path as the learner's workspace path: the file fields lose their `wN/` prefix, and
 * messages (a failed import names the absolute file) lose the run folder, so no host path is shown.
 */
function withoutRunPaths(result: TestResult, prefix: string, ...roots: string[]): TestResult {
  const strip = (path: string): string => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const clean = (text: string): string => roots.reduce((t, root) => t.replaceAll(root, ''), text);
  const failure =
    result.failure === undefined
      ? undefined
      : {
          ...result.failure,
          message: clean(result.failure.message),
          ...(result.failure.file === undefined ? {} : { file: strip(result.failure.file) }),
        };
  return { ...result, file: strip(result.file), ...(failure ? { failure } : {}) };
}

/** The tool's own explanation, without its banner or the run folder's absolute paths. */
/** Where the exercise's lint config fails to parse, in the shared wording; undefined if it parses. */
async function configSyntaxError(files: Files, config: string): Promise<string | undefined> {
  const source = files[config];
  if (source === undefined) return undefined;
  // Parsing only: the learner's config is never run here, in the host process.
  const { Linter } = await import('eslint');
  const [fatal] = new Linter({ configType: 'flat' })
    .verify(source, [{ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }], { filename: config })
    .filter((m) => m.fatal === true);
  return fatal ? lintConfigSyntaxError(config, fatal.line, fatal.column, fatal.message) : undefined;
}

function toolError(tool: string, output: string, workspace: SandboxWorkspace): string {
  const text = stripAnsi(output)
    .replaceAll(workspace.inside('w0') + '/', '')
    .replaceAll(workspace.dir + '/', '')
    .replaceAll(workspace.hostDir + '/', '')
    .replace(/^Oops! Something went wrong! :\(\s*/m, '')
    .replace(/^ESLint: \d+\.\d+\.\d+\s*/m, '')
    .trim();
  const lines = text.split('\n').filter((l) => !/^\s+at /.test(l));
  return `${tool} failed: ${lines.slice(0, 8).join('\n') || 'no output'}`;
}

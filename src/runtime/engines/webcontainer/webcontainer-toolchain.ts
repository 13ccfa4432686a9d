import type { LintProblem, TestResult } from '../../report/check-report.ts';
import type { Files, LintRequest, TestRequest, Toolchain, TypecheckRequest } from '../../checks/toolchain.ts';
import { GLOBALS_D_TS, GLOBALS_D_TS_PATH, typecheckTsconfig } from '../../typecheck/compiler-options.ts';
import type { TypeDiagnostic } from '../../typecheck/type-program.ts';
import { parseTscOutput } from '../../typecheck/tsc-output.ts';
import { parseEslintJson } from '../../parse/eslint-json.ts';
import { parseVitestJson } from '../../parse/vitest-json.ts';
import {
  ESLINT_WRAPPER,
  FAILURE_META_SETUP,
  FAILURE_META_SETUP_SOURCE,
  TSCONFIG_JSON,
  eslintWrapperConfig,
  shuffleArgs,
  typeAwareLintFiles,
  vitestConfig,
} from '../node/generated-files.ts';
import { FileMirror } from './file-mirror.ts';
import { runProcess, tail } from './run-process.ts';
import type { Sandbox } from './sandbox.ts';

export interface WebContainerToolchainOptions {
  /** Folder under the container's workdir for this toolchain's workspaces; two toolchains never share one. */
  folder?: string;
  /** Hard limit per tool process, a backstop under runChecks' own limit. */
  processLimitMs?: number;
  /** Per-test limit inside Vitest, for promises that never settle (the Node engine's default). */
  testTimeoutMs?: number;
}

const ESLINT_REPORT = 'eslint-report.json';
const VITEST_REPORT = 'vitest-report.json';
const TYPECHECK_TSCONFIG = 'tsconfig.craftpath-typecheck.json';

/**
 * The real ESLint and Vitest inside a WebContainer, on files kept in the container between runs. The same
 * generated configs and JSON parsers as the Node engine, so both report the same problems and tests; the
 * differences are where files live (written only when changed) and how processes are stopped.
 * Requires the project to be installed (ensureInstalled) first.
 */
export class WebContainerToolchain implements Toolchain {
  readonly engine = 'webcontainer' as const;
  readonly #sandbox: Sandbox;
  readonly #mirror: FileMirror;
  readonly #folder: string;
  readonly #processLimitMs: number;
  readonly #testTimeoutMs: number;

  constructor(sandbox: Sandbox, options: WebContainerToolchainOptions = {}) {
    this.#sandbox = sandbox;
    this.#mirror = new FileMirror(sandbox);
    this.#folder = options.folder ?? 'run';
    this.#processLimitMs = options.processLimitMs ?? 120_000;
    this.#testTimeoutMs = options.testTimeoutMs ?? 2_000;
  }

  async lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]> {
    const workspace = `${this.#folder}/w0`;
    await this.#mirror.sync(
      workspace,
      {
        'tsconfig.json': TSCONFIG_JSON,
        ...files,
        ...(request.typeAware ? typeAwareLintFiles() : {}),
        [ESLINT_WRAPPER]: eslintWrapperConfig(request.config, request.typeAware),
      },
      signal,
    );
    const report = `${this.#folder}/${ESLINT_REPORT}`;
    await this.#sandbox.fs.rm(report, { force: true });
    // --no-inline-config: an `eslint-disable` comment must not be a way to pass a lint gate.
    const args = [
      this.#bin('eslint/bin/eslint.js'),
      '--format',
      'json',
      '--output-file',
      `../${ESLINT_REPORT}`,
      '--no-inline-config',
      '--config',
      ESLINT_WRAPPER,
      '--',
      ...request.targets,
    ];
    const run = await runProcess(this.#sandbox, 'node', args, {
      cwd: workspace,
      signal,
      limitMs: this.#processLimitMs,
    });
    // Exit code 2 is ESLint's "could not lint" (a broken config); 0 and 1 come with a report.
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`ESLint failed: ${tail(run.output, 8)}`);
    return parseEslintJson(await this.#sandbox.fs.readFile(report, 'utf-8'), { root: this.#absolute(workspace) });
  }

  /** The real `tsc` in the container, with the options and globals the other engines' programs use. */
  async typecheck(files: Files, request: TypecheckRequest, signal: AbortSignal): Promise<TypeDiagnostic[]> {
    const workspace = `${this.#folder}/w0`;
    const tsconfig = TYPECHECK_TSCONFIG;
    await this.#mirror.sync(
      workspace,
      {
        'tsconfig.json': TSCONFIG_JSON,
        ...files,
        [GLOBALS_D_TS_PATH]: GLOBALS_D_TS,
        [tsconfig]: typecheckTsconfig(request.targets, request.compilerOptions),
      },
      signal,
    );
    const args = [this.#bin('typescript/bin/tsc'), '--project', tsconfig, '--pretty', 'false'];
    const run = await runProcess(this.#sandbox, 'node', args, {
      cwd: workspace,
      signal,
      limitMs: this.#processLimitMs,
    });
    // Exit code 0: no errors; 1 or 2: diagnostics were printed (2 when an output was skipped); else tsc broke.
    const diagnostics = parseTscOutput(run.output);
    if (run.exitCode !== 0 && diagnostics.length === 0) throw new Error(`tsc failed: ${tail(run.output, 8)}`);
    return diagnostics;
  }

  async test(files: Files, request: TestRequest, signal: AbortSignal): Promise<TestResult[]> {
    const [results = []] = await this.testEach([files], request, signal);
    return results;
  }

  async testEach(workspaces: readonly Files[], request: TestRequest, signal: AbortSignal): Promise<TestResult[][]> {
    const folders = workspaces.map((_, i) => `w${i}`);
    // One at a time: the container's file system is one worker, parallel writes only queue up there.
    for (const [i, files] of workspaces.entries()) {
      // The ESLint wrapper stays: the next lint would only write it again.
      await this.#mirror.sync(
        `${this.#folder}/${folders[i] ?? `w${i}`}`,
        { 'tsconfig.json': TSCONFIG_JSON, ...files },
        signal,
        (path) => path === ESLINT_WRAPPER,
      );
    }
    const setup = this.#absolute(`${this.#folder}/${FAILURE_META_SETUP}`);
    const testTimeout = request.testTimeoutMs ?? this.#testTimeoutMs;
    await this.#mirror.sync(
      this.#folder,
      {
        [FAILURE_META_SETUP]: FAILURE_META_SETUP_SOURCE,
        'vitest.config.mjs': vitestConfig(folders, request.targets, setup, testTimeout),
      },
      signal,
      () => true, // the workspaces below are synced on their own
    );
    const report = `${this.#folder}/${VITEST_REPORT}`;
    await this.#sandbox.fs.rm(report, { force: true });
    const args = [
      this.#bin('vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.config.mjs',
      '--reporter=json',
      `--outputFile.json=${VITEST_REPORT}`,
      ...shuffleArgs(request.shuffleSeed),
    ];
    const run = await runProcess(this.#sandbox, 'node', args, {
      cwd: this.#folder,
      signal,
      limitMs: this.#processLimitMs,
    });
    const text = await this.#sandbox.fs.readFile(report, 'utf-8').catch(() => undefined);
    if (text === undefined) throw new Error(`Vitest failed (exit ${run.exitCode}): ${tail(run.output, 8)}`);
    const all = parseVitestJson(text, { root: this.#absolute(this.#folder) });
    // Paths come back as "w3/src/x.test.ts"; split them per workspace and drop the prefix.
    return folders.map((folder) =>
      all.filter((t) => t.file.startsWith(`${folder}/`)).map((t) => withoutPrefix(t, `${folder}/`)),
    );
  }

  /** Tools are run with `node <script>` from the project's node_modules, as the Node engine runs them. */
  #bin(script: string): string {
    return this.#absolute(`node_modules/${script}`);
  }

  #absolute(path: string): string {
    return `${this.#sandbox.workdir.replace(/\/+$/, '')}/${path}`;
  }
}

function withoutPrefix(result: TestResult, prefix: string): TestResult {
  const strip = (path: string): string => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const failure =
    result.failure?.file === undefined ? result.failure : { ...result.failure, file: strip(result.failure.file) };
  return { ...result, file: strip(result.file), ...(failure ? { failure } : {}) };
}

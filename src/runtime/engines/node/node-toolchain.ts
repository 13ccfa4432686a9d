import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintProblem, TestResult } from '../../report/check-report.ts';
import type { Files, LintRequest, TestRequest, Toolchain } from '../../checks/toolchain.ts';
import { parseEslintJson } from '../../parse/eslint-json.ts';
import { parseVitestJson } from '../../parse/vitest-json.ts';
import { stripAnsi } from '../../parse/ansi.ts';
import { runProcessGroup } from './process-group.ts';
import { createRunFolder, removeRunFolder, writeFiles } from './run-folder.ts';
import {
  ESLINT_WRAPPER,
  FAILURE_META_SETUP,
  FAILURE_META_SETUP_SOURCE,
  PACKAGE_JSON,
  TSCONFIG_JSON,
  eslintWrapperConfig,
  vitestConfig,
} from './generated-files.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface NodeToolchainOptions {
  /** Where run folders are made; must sit inside a folder whose node_modules has eslint and vitest. */
  runsDir?: string;
  /** Hard limit per tool process, a backstop under runChecks' own limit. */
  processLimitMs?: number;
  /** Per-test limit inside Vitest, for promises that never settle. */
  testTimeoutMs?: number;
  /** Keep run folders for debugging instead of deleting them. */
  keepRunFolders?: boolean;
}

/**
 * The real ESLint and the real Vitest, each run as a child process on a copy of the files, reading the
 * same JSON output (`--format json`, `--reporter=json`) the WebContainer engine reads.
 */
export class NodeToolchain implements Toolchain {
  readonly engine = 'node' as const;
  readonly #options: Required<NodeToolchainOptions>;

  constructor(options: NodeToolchainOptions = {}) {
    this.#options = {
      runsDir: options.runsDir ?? join(PROJECT_ROOT, '.cache', 'runs'),
      processLimitMs: options.processLimitMs ?? 120_000,
      testTimeoutMs: options.testTimeoutMs ?? 2_000,
      keepRunFolders: options.keepRunFolders ?? false,
    };
  }

  async lint(files: Files, request: LintRequest, signal: AbortSignal): Promise<LintProblem[]> {
    return this.#inRunFolder(async (dir) => {
      const root = join(dir, 'w0');
      await writeWorkspace(root, files);
      await writeFile(join(root, ESLINT_WRAPPER), eslintWrapperConfig(request.config));
      const eslint = join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
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
      const run = await runProcessGroup(args, {
        cwd: root,
        signal,
        limitMs: this.#options.processLimitMs,
        env: childEnv(),
      });
      // Exit code 2 is ESLint's "could not lint" (a broken config); 0 and 1 come with a JSON report.
      if (run.code !== 0 && run.code !== 1) throw new Error(toolError('ESLint', run.stderr || run.stdout, root));
      return parseEslintJson(run.stdout, { root });
    });
  }

  async test(files: Files, request: TestRequest, signal: AbortSignal): Promise<TestResult[]> {
    const [results = []] = await this.testEach([files], request, signal);
    return results;
  }

  async testEach(workspaces: readonly Files[], request: TestRequest, signal: AbortSignal): Promise<TestResult[][]> {
    return this.#inRunFolder(async (dir) => {
      const roots = workspaces.map((_, i) => join(dir, `w${i}`));
      await Promise.all(workspaces.map((files, i) => writeWorkspace(roots[i] ?? dir, files)));
      const setup = join(dir, FAILURE_META_SETUP);
      await writeFile(setup, FAILURE_META_SETUP_SOURCE);
      const testTimeout = request.testTimeoutMs ?? this.#options.testTimeoutMs;
      const folders = roots.map((_, i) => `w${i}`);
      await writeFile(join(dir, 'vitest.config.mjs'), vitestConfig(folders, request.targets, setup, testTimeout));
      const report = join(dir, 'report.json');
      const vitest = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
      const args = [vitest, 'run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile.json=${report}`];
      const run = await runProcessGroup(args, {
        cwd: dir,
        signal,
        limitMs: this.#options.processLimitMs,
        env: childEnv(),
      });
      const text = await readFile(report, 'utf8').catch(() => undefined);
      if (text === undefined) throw new Error(toolError('Vitest', run.stderr || run.stdout, dir));
      const all = parseVitestJson(text, { root: dir });
      // Paths come back as "w3/src/x.test.ts"; split them per workspace and drop the prefix.
      return roots.map((_, i) => all.filter((t) => t.file.startsWith(`w${i}/`)).map((t) => withoutPrefix(t, `w${i}/`)));
    });
  }

  async #inRunFolder<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const dir = await createRunFolder(this.#options.runsDir);
    try {
      await writeFile(join(dir, 'package.json'), PACKAGE_JSON);
      return await work(dir);
    } finally {
      if (!this.#options.keepRunFolders) await removeRunFolder(dir);
    }
  }
}

async function writeWorkspace(root: string, files: Files): Promise<void> {
  await writeFiles(root, { 'tsconfig.json': TSCONFIG_JSON, ...files });
}

function withoutPrefix(result: TestResult, prefix: string): TestResult {
  const strip = (path: string): string => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const failure =
    result.failure?.file === undefined ? result.failure : { ...result.failure, file: strip(result.failure.file) };
  return { ...result, file: strip(result.file), ...(failure ? { failure } : {}) };
}

/** Plain output, and no variables of a Vitest that may be running us (the unit tests), which would confuse the child. */
function childEnv(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS');
  return { ...Object.fromEntries(inherited), NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** The tool's own explanation, without its banner or the temporary folder's absolute paths. */
function toolError(tool: string, output: string, root: string): string {
  const text = stripAnsi(output)
    .replaceAll(root + '/', '')
    .replace(/^Oops! Something went wrong! :\(\s*/m, '')
    .replace(/^ESLint: \d+\.\d+\.\d+\s*/m, '')
    .trim();
  const lines = text.split('\n').filter((l) => !/^\s+at /.test(l));
  return `${tool} failed: ${lines.slice(0, 8).join('\n') || 'no output'}`;
}

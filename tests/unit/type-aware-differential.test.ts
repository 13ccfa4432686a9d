import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { writeFiles } from '../../src/runtime/engines/node/run-folder.ts';
import { loadNodeTypeKit } from '../../src/runtime/engines/node/node-type-kit.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import type { Files, TypecheckRequest } from '../../src/runtime/checks/toolchain.ts';
import { GLOBALS_D_TS, GLOBALS_D_TS_PATH, typecheckTsconfig } from '../../src/runtime/typecheck/compiler-options.ts';
import { parseTscOutput } from '../../src/runtime/typecheck/tsc-output.ts';
import type { CheckReport, LintProblem } from '../../src/runtime/report/check-report.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';

/**
 * Type-aware checks through every engine on the same inputs. Typecheck: the in-memory program (the Node
 * and worker engines) against the real `tsc --noEmit` CLI (what the WebContainer engine runs), compared
 * on every diagnostic a learner reads. Type-aware lint: the worker's typescript-eslint with a program
 * against the real ESLint CLI in the Node engine's sandbox.
 */

const node = new NodeToolchain();
const worker = new WorkerToolchain(loadNodeTypeKit);
const signal = (): AbortSignal => AbortSignal.timeout(120_000);
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function realTsc(files: Files, request: TypecheckRequest): Promise<ReturnType<typeof parseTscOutput>> {
  const dir = await mkdtemp(join(tmpdir(), 'craftpath-tsc-'));
  folders.push(dir);
  await writeFiles(dir, {
    ...files,
    [GLOBALS_D_TS_PATH]: GLOBALS_D_TS,
    'tsconfig.json': typecheckTsconfig(request.targets, request.compilerOptions),
  });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const output = await promisify(execFile)(process.execPath, [tsc, '--project', 'tsconfig.json', '--pretty', 'false'], {
    cwd: dir,
  }).then(
    (run) => run.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  return parseTscOutput(output);
}

const typecheckCases: { name: string; files: Files; request: TypecheckRequest }[] = [
  {
    name: 'a wrong return type, in the file tsc names',
    files: { 'src/total.ts': 'export function total(cents: number): string {\n  return cents;\n}\n' },
    request: { targets: ['src/total.ts'], compilerOptions: {} },
  },
  {
    name: 'an error in an imported file, and a message chain of several lines',
    files: {
      'src/main.ts': "import { order } from './order.ts';\nexport const id: { id: number } = order;\n",
      'src/order.ts': "export const order = { id: 'o-1', lines: [1, 2].at(0) };\nconst unused: number = 'x';\n",
    },
    request: { targets: ['src/main.ts'], compilerOptions: {} },
  },
  {
    name: 'noUncheckedIndexedAccess switched on by the exercise',
    files: { 'src/first.ts': 'export function first(xs: number[]): number {\n  return xs[0] + 1;\n}\n' },
    request: { targets: ['src/first.ts'], compilerOptions: { noUncheckedIndexedAccess: true } },
  },
  {
    name: 'clean code using console and timers',
    files: {
      'src/sleep.ts':
        'export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));\nconsole.log(await sleep(1));\n',
    },
    request: { targets: ['src/sleep.ts'], compilerOptions: {} },
  },
];

describe('typecheck: the in-memory program reports what tsc --noEmit reports', () => {
  it.each(typecheckCases)('$name', async ({ files, request }) => {
    const fromTsc = await realTsc(files, request);
    const fromNode = await node.typecheck(files, request, signal());
    const fromWorker = await worker.typecheck(files, request, signal());
    expect(fromNode).toEqual(fromTsc);
    expect(fromWorker).toEqual(fromTsc);
    if (!request.targets[0]?.includes('sleep')) expect(fromTsc.length).toBeGreaterThan(0);
  });
});

const CONFIG = 'eslint.config.js';

const lintCases: { name: string; config: string; files: Files; rules: string[] }[] = [
  {
    name: 'no-floating-promises: an unawaited call is flagged, a voided one is not',
    config: "export default [{ rules: { '@typescript-eslint/no-floating-promises': 'error' } }];\n",
    files: {
      'src/refund.ts':
        'async function append(): Promise<void> {}\nexport async function refund(): Promise<void> {\n  append();\n  void append().catch(() => {});\n  await append();\n}\n',
    },
    rules: ['@typescript-eslint/no-floating-promises'],
  },
  {
    name: 'a promise from another file, known only from its type',
    config: "export default [{ rules: { '@typescript-eslint/no-floating-promises': 'error' } }];\n",
    files: {
      'src/ledger.ts': 'export const ledger = { save: (n: number): Promise<number> => Promise.resolve(n) };\n',
      'src/use.ts': "import { ledger } from './ledger.ts';\nexport function use(): void {\n  ledger.save(1);\n}\n",
    },
    rules: ['@typescript-eslint/no-floating-promises'],
  },
  {
    name: 'TS-only selectors and an `import type` probe see the TypeScript AST',
    config:
      "export default [{ rules: { 'no-restricted-syntax': ['error', 'TSEnumDeclaration', \"ImportDeclaration[importKind='type']\"], 'no-unused-vars': 'error' } }];\n",
    files: {
      'src/kinds.ts': "import type { Other } from './other.ts';\nenum Kind { A }\nexport const kind: Other = Kind.A;\n",
      'src/other.ts': 'export type Other = number;\n',
    },
    rules: ['no-restricted-syntax'],
  },
];

function facts(problems: readonly LintProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.ruleId} ${p.message}`);
}

describe('type-aware lint: the worker reports what ESLint with typescript-eslint reports', () => {
  it.each(lintCases)(
    '$name',
    async ({ config, files, rules }) => {
      const workspace = { ...files, [CONFIG]: config };
      const request = { config: CONFIG, targets: Object.keys(files), typeAware: true };
      const fromNode = await node.lint(workspace, request, signal());
      const fromWorker = await worker.lint(workspace, request, signal());
      expect(facts(fromWorker)).toEqual(facts(fromNode));
      for (const rule of rules) expect(fromNode.map((p) => p.ruleId)).toContain(rule);
    },
    120_000,
  );
});

describe('lint-gate, the lesson on floating promises, graded by both engines', () => {
  it.each([
    [
      'misses-floating-promise',
      'gate',
      'samples/bugs/record-refund.ts is flagged by @typescript-eslint/no-floating-promises',
    ],
    ['fixed-coupon-in-plain-else', 'checkout-types', 'src/checkout.ts:15:19 - error TS18048'],
  ])(
    'the wrong solution %s fails %s with the item a learner reads',
    async (id, check, label) => {
      const { bundle } = await loadExercise('exercises', 'lint-gate');
      const wrong = bundle.meta.wrongSolutions.find((w) => w.id === id);
      if (!wrong) throw new Error(`no wrong solution ${id}`);
      const only = { ...bundle, meta: { ...bundle.meta, checks: bundle.meta.checks.filter((c) => c.id === check) } };
      const files = wrongSolutionFiles(bundle, wrong);
      const [fromNode, fromWorker] = [await runChecks(only, files, node), await runChecks(only, files, worker)];
      const failed = (report: CheckReport): string[] =>
        report.checks.flatMap((c) => (c.items ?? []).filter((i) => i.status === 'fail').map((i) => i.label));
      expect(fromNode.checks[0]?.status).toBe('fail');
      expect(failed(fromWorker)).toEqual(failed(fromNode));
      expect(failed(fromNode)).toContain(label);
    },
    120_000,
  );
});

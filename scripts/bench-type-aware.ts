/**
 * Type-aware checks in the worker engine, run in Node (the same code the browser worker runs):
 *   node scripts/bench-type-aware.ts [runs] [--no-kit]
 * On lint-gate's reference solution: the editor lane's type-aware lint (typescript-eslint with a program)
 * and the typecheck check, first call and later calls (each later call edits src/checkout.ts, as a
 * keystroke does), beside the real tool in Node in the same run: ESLint with typescript-eslint and a
 * `project` (the Node engine's setup; its watch program is what an editor's ESLint keeps between lints).
 * Also the Node engine's typecheck (host process, same program builder) and a whole worker runChecks.
 * Then the kit's evaluation in a fresh thread (the browser kit script, built as the site builds it), which
 * a worker pays once; `--no-kit` skips that build.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ESLint } from 'eslint';
import { loadExercise } from '../src/runtime/exercise/load-from-disk.ts';
import { composeWorkspace, solutionFiles } from '../src/runtime/exercise/bundle.ts';
import { WorkerToolchain } from '../src/runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../src/runtime/engines/node/node-type-kit.ts';
import {
  eslintWrapperConfig,
  ESLINT_WRAPPER,
  PACKAGE_JSON,
  typeAwareLintFiles,
} from '../src/runtime/engines/node/generated-files.ts';
import { buildTypeKitSource } from '../src/deploy/engine-sources.ts';
import { NodeToolchain } from '../src/runtime/engines/node/node-toolchain.ts';
import { runChecks } from '../src/runtime/grading/run-checks.ts';
import type { Files } from '../src/runtime/checks/toolchain.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20);
const withKit = !args.includes('--no-kit');
const root = fileURLToPath(new URL('..', import.meta.url));
const SLUG = 'lint-gate';
const EDITED = 'src/checkout.ts';

const { bundle } = await loadExercise('exercises', SLUG);
const workspace = composeWorkspace(bundle, solutionFiles(bundle));
const lintCheck = bundle.meta.checks.find((check) => check.kind === 'lint' && check.typeAware === true);
const typecheck = bundle.meta.checks.find((check) => check.kind === 'typecheck');
if (lintCheck?.kind !== 'lint' || typecheck?.kind !== 'typecheck') throw new Error(`${SLUG} has no type-aware checks`);
const lintConfig = lintCheck.config;
const lintRequest = { config: lintConfig, targets: [EDITED], typeAware: true };
const typecheckRequest = { targets: typecheck.files, compilerOptions: typecheck.compilerOptions ?? {} };
const signal = new AbortController().signal;

/** The workspace after the `n`th keystroke in the edited file. */
function edited(n: number): Files {
  return { ...workspace, [EDITED]: `${workspace[EDITED] ?? ''}// keystroke ${n}\n` };
}

interface Figures {
  firstMs: number;
  p50: number;
  p95: number;
}

async function measure(work: (n: number) => Promise<unknown>): Promise<Figures> {
  let start = performance.now();
  await work(0);
  const firstMs = performance.now() - start;
  const times: number[] = [];
  for (let n = 1; n <= runs; n++) {
    start = performance.now();
    await work(n);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  return { firstMs, p50: at(0.5), p95: at(0.95) };
}

function row(label: string, figures: Figures, real?: Figures): void {
  const ms = (value: number): string => `${value.toFixed(1).padStart(7)} ms`;
  const beside = real ? `   real tool p50 ${ms(real.p50)} (x${(figures.p50 / real.p50).toFixed(2)})` : '';
  console.log(
    `${label.padEnd(40)} first ${ms(figures.firstMs)}   p50 ${ms(figures.p50)}   p95 ${ms(figures.p95)}${beside}`,
  );
}

/** ESLint with typescript-eslint and a project on disk: the Node engine's own lint, in this process. */
async function realToolLint(): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'craftpath-bench-typed-'));
  try {
    const files: Files = {
      ...workspace,
      ...typeAwareLintFiles(),
      'package.json': PACKAGE_JSON,
      [ESLINT_WRAPPER]: eslintWrapperConfig(lintConfig, true),
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: ESLINT_WRAPPER, allowInlineConfig: false });
    return await measure(async (n) => {
      const results = await eslint.lintText(edited(n)[EDITED] ?? '', { filePath: join(dir, EDITED) });
      // A file outside the project is a parse error, not a lint: the figure would be of no type-aware work.
      const fatal = results.flatMap((result) => result.messages).find((message) => message.fatal === true);
      if (fatal) throw new Error(`The real tool did not lint: ${fatal.message}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the kit's script in a fresh thread (a fresh V8 isolate, as a fresh worker is); the evaluation's time. */
function evaluateKit(source: string): Promise<number> {
  const thread = new Worker(
    // Without Node's `process`, as in a browser worker (the kit probes for it).
    `const { parentPort, workerData } = require('node:worker_threads');
     globalThis.process = undefined;
     const start = performance.now();
     new Function(workerData)();
     parentPort.postMessage(performance.now() - start);`,
    { eval: true, workerData: source },
  );
  return new Promise<number>((resolve, reject) => {
    thread.once('message', (ms: number) => void thread.terminate().then(() => resolve(ms)));
    thread.once('error', reject);
  });
}

console.log(`type-aware checks, ${SLUG}'s solution, ${runs} edits of ${EDITED} each (Node ${process.version})`);
const toolchain = new WorkerToolchain(loadNodeTypeKit);
await loadNodeTypeKit();
const lint = await measure((n) => toolchain.lint(edited(n), lintRequest, signal));
const realLint = await realToolLint();
row('worker type-aware lint (editor lane)', lint, realLint);
row('real tool: ESLint + typescript-eslint', realLint);
row('worker typecheck (checkout.ts)', await measure((n) => toolchain.typecheck(edited(n), typecheckRequest, signal)));
// The Node engine typechecks in the host process, with the same program builder and cache.
const nodeToolchain = new NodeToolchain();
row(
  'node engine typecheck (host process)',
  await measure((n) => nodeToolchain.typecheck(edited(n), typecheckRequest, signal)),
);
// A whole run in the worker engine: the gate's lint (target and every expected sample), the hidden tests
// and the typecheck, as a Run after warm-up does them.
const learnerFiles = solutionFiles(bundle);
row(
  `worker runChecks (${bundle.meta.checks.map((check) => check.kind).join('+')})`,
  await measure((n) => runChecks(bundle, { ...learnerFiles, [EDITED]: edited(n)[EDITED] ?? '' }, toolchain)),
);
if (withKit) {
  const source = await buildTypeKitSource(root);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await evaluateKit(source));
  times.sort((a, b) => a - b);
  console.log(`${'type kit evaluation, fresh thread'.padEnd(40)} median of 3 ${(times[1] ?? NaN).toFixed(1)} ms`);
}

/**
 * Warm timings of the worker engine's tools, run in Node (the same code the browser worker runs):
 *   node scripts/bench-worker.ts [runs]
 * Prints p50/p95 for linting 100 and 300 lines of TypeScript, stripping types with Sucrase, and a full
 * runChecks of each exercise's reference solution. Browsers are typically within 1.5x of these.
 */
import { transform } from 'sucrase';
import { listExerciseSlugs, loadExercise } from '../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../src/runtime/exercise/bundle.ts';
import { runChecks } from '../src/runtime/grading/run-checks.ts';
import { lintFiles } from '../src/runtime/engines/worker/lint.ts';
import { WorkerToolchain } from '../src/runtime/engines/worker/worker-toolchain.ts';

const runs = Number(process.argv[2] ?? 30);
const warmup = 3;

const config = `export default [{
  rules: {
    eqeqeq: ['error', 'always'], 'no-unused-vars': 'error', 'no-self-compare': 'error', 'use-isnan': 'error',
    'no-async-promise-executor': 'error', 'no-unsafe-finally': 'error', 'no-constant-binary-expression': 'error',
    'no-unused-expressions': 'error', 'prefer-const': 'error', 'no-var': 'error', curly: 'error',
  },
}];`;

/** Plausible service code: typed functions, branches, a class, async calls; `lines` long. */
function sourceOfLines(lines: number): string {
  const block = (i: number): string[] => [
    `export interface Order${i} { id: string; totalCents: number; items: readonly string[] }`,
    `export async function load${i}(id: string, fetchOrder: (id: string) => Promise<Order${i}>): Promise<Order${i} | null> {`,
    `  const order = await fetchOrder(id);`,
    `  if (order.totalCents <= 0 || order.items.length === 0) {`,
    `    return null;`,
    `  }`,
    `  let discounted: number = order.totalCents;`,
    `  for (const item of order.items) discounted -= item.length > 10 ? 1 : 0;`,
    `  return { ...order, totalCents: Math.max(0, discounted) };`,
    `}`,
  ];
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.slice(0, lines).join('\n') + '\n';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, work: () => unknown): Promise<void> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50).toFixed(1);
  const p95 = percentile(times, 95).toFixed(1);
  console.log(`${label.padEnd(58)} p50 ${p50.padStart(7)} ms   p95 ${p95.padStart(7)} ms`);
}

console.log(`worker engine, warm, ${runs} runs each (Node ${process.version})`);
for (const lines of [100, 300]) {
  const files = { 'eslint.config.js': config, 'src/orders.ts': sourceOfLines(lines) };
  await measure(`lint ${lines} lines of TypeScript`, () =>
    lintFiles(files, { config: 'eslint.config.js', targets: ['src/orders.ts'] }),
  );
}
const threeHundred = sourceOfLines(300);
await measure('sucrase strip types, 300 lines', () =>
  transform(threeHundred, { transforms: ['typescript'], disableESTransforms: true }),
);
await measure('sucrase to CommonJS, 300 lines', () =>
  transform(threeHundred, { transforms: ['typescript', 'imports'], disableESTransforms: true }),
);

const toolchain = new WorkerToolchain();
for (const slug of await listExerciseSlugs('exercises')) {
  const loaded = await loadExercise('exercises', slug).catch((error: unknown) => error);
  if (loaded instanceof Error) {
    console.log(`${`exercise ${slug}`.padEnd(58)} skipped: ${loaded.message.split('\n')[0]}`);
    continue;
  }
  const { bundle } = loaded as Awaited<ReturnType<typeof loadExercise>>;
  const files = solutionFiles(bundle);
  const kinds = [...new Set(bundle.meta.checks.map((c) => c.kind))].join('+');
  await measure(`exercise ${slug} (${kinds})`, () => runChecks(bundle, files, toolchain));
}

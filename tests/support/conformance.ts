import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Files } from '../../src/runtime/checks/toolchain.ts';
import type { TestResult } from '../../src/runtime/report/check-report.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { Worker } from 'node:worker_threads';

/**
 * The conformance suite (tests/conformance): small test files, one per Vitest or TypeScript feature, run
 * by real Vitest (the Node engine) and by the worker engine's harness, compared test by test. A test
 * "agrees" when both give it the same verdict. A file the worker refuses with its plain "is not
 * supported in the browser engine" message is counted apart: honest, but not yet faithful. Anything
 * else is a disagreement: a false error or a false pass a learner would believe.
 */

export const CONFORMANCE_DIR = 'tests/conformance';

/** The marker of a deliberate refusal (module-loader.ts, vi.ts); any other worker failure is a verdict. */
export const UNSUPPORTED = /is not supported in the browser engine; the Node engine runs it/;

export type Outcome = 'agree' | 'unsupported' | 'disagree';

export interface ConformanceRow {
  /** file > suite > test name */
  test: string;
  node: TestResult['status'] | 'missing';
  worker: TestResult['status'] | 'missing';
  outcome: Outcome;
  /** The worker's failure message, when it differs from Node's verdict (what to look at first). */
  note?: string;
}

export interface ConformanceResult {
  rows: ConformanceRow[];
  agree: number;
  unsupported: number;
  disagree: number;
}

/** Every file of the suite (tests, helpers, its tsconfig), keyed by its path inside the folder. */
export async function conformanceFiles(dir = CONFORMANCE_DIR): Promise<Files> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split('\\').join('/')] = await readFile(path, 'utf8');
  }
  return files;
}

export function testTargets(files: Files): string[] {
  return Object.keys(files)
    .filter((path) => /\.test\.[cm]?ts$/.test(path))
    .sort();
}

const key = (result: TestResult): string => [result.file, ...result.suite, result.name].join(' > ');

export interface ConformanceOptions {
  /** Narrows the suite to test files whose path contains one of these (for debugging one feature). */
  only?: readonly string[];
  /** Where the worker engine runs: hosted in Node (a thread), or bundled in real Chromium. */
  host?: 'node' | 'chromium';
}

/** Runs real Vitest and the worker engine over the suite and compares them test by test. */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const files = await conformanceFiles();
  const targets = testTargets(files).filter((t) => !options.only?.length || options.only.some((o) => t.includes(o)));
  const signal = AbortSignal.timeout(300_000);
  const fromWorker =
    options.host === 'chromium'
      ? await (await import('./conformance-chromium.ts')).runInChromium(files, targets, process.cwd())
      : await inThread(files, targets);
  const fromNode = await new NodeToolchain().test(files, { targets }, signal);
  return compare(fromNode, fromWorker);
}

/** The worker engine hosted in Node, in a thread (conformance-thread.ts). */
function inThread(files: Files, targets: readonly string[]): Promise<TestResult[]> {
  const thread = new Worker(new URL('./conformance-thread.ts', import.meta.url), { workerData: { files, targets } });
  return new Promise((resolve, reject) => {
    thread.once('message', (results: TestResult[]) => {
      resolve(results);
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The conformance thread exited (${code}) without results`)));
  });
}

export function compare(fromNode: readonly TestResult[], fromWorker: readonly TestResult[]): ConformanceResult {
  const node = new Map(fromNode.map((r) => [key(r), r]));
  const worker = new Map(fromWorker.map((r) => [key(r), r]));
  const refusedFiles = new Set(
    fromWorker.filter((r) => r.status === 'fail' && UNSUPPORTED.test(r.failure?.message ?? '')).map((r) => r.file),
  );
  const rows: ConformanceRow[] = [];
  for (const name of [...new Set([...node.keys(), ...worker.keys()])].sort()) {
    const n = node.get(name);
    const w = worker.get(name);
    const file = (n ?? w)?.file ?? '';
    const row: ConformanceRow = {
      test: name,
      node: n?.status ?? 'missing',
      worker: w?.status ?? 'missing',
      outcome: 'agree',
    };
    // A refusal is never an agreement, even where Vitest fails the test for its own reasons.
    const refused = w?.status === 'fail' && UNSUPPORTED.test(w.failure?.message ?? '');
    if (row.node !== row.worker || refused) {
      row.outcome = refused || refusedFiles.has(file) ? 'unsupported' : 'disagree';
      const message =
        w?.failure?.message ?? [...worker.values()].find((r) => r.file === file && r.failure)?.failure?.message;
      const firstLine = message?.split('\n')[0];
      if (firstLine) row.note = firstLine;
    }
    rows.push(row);
  }
  const count = (outcome: Outcome): number => rows.filter((r) => r.outcome === outcome).length;
  return { rows, agree: count('agree'), unsupported: count('unsupported'), disagree: count('disagree') };
}

/**
 * Bundles the worker engine exactly as the site serves it (src/deploy/engine-sources.ts: one classic
 * script, run inside the sandbox frame) and reports its size:
 *   node scripts/bundle-worker.ts
 * then grades a tiny exercise through the bundle in a thread without Node's globals. The type kit
 * (TypeScript for type-aware checks, downloaded only by exercises that have them) is sized apart and
 * graded the same way, on an exercise with a typecheck and a type-aware lint.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { buildEngineSources, buildTypeKitSource } from '../src/deploy/engine-sources.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'craftpath-worker-'));
try {
  const sources = await buildEngineSources(root);
  const files = { 'worker.js': sources.workerSource, 'frame.js': sources.frameScript };
  let totalRaw = 0;
  let totalGzip = 0;
  for (const [name, text] of Object.entries(files)) {
    const bytes = Buffer.from(text);
    await writeFile(join(outDir, name), bytes);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    totalRaw += bytes.length;
    totalGzip += gzip;
    console.log(`${name.padEnd(32)} ${kb(bytes.length).padStart(10)} raw ${kb(gzip).padStart(10)} gzip`);
  }
  console.log(`${'total'.padEnd(32)} ${kb(totalRaw).padStart(10)} raw ${kb(totalGzip).padStart(10)} gzip`);
  const typeKit = await buildTypeKitSource(root);
  const typeKitBytes = Buffer.from(typeKit);
  console.log(
    `${'type-kit.js (lazy, type-aware only)'.padEnd(32)} ${kb(typeKitBytes.length).padStart(10)} raw ${kb(gzipSync(typeKitBytes, { level: 9 }).length).padStart(10)} gzip`,
  );
  console.log(`smoke run without Node globals: ${await smokeRun(join(outDir, 'worker.js'), smokeBundle())}`);
  console.log(`type-aware smoke run: ${await smokeRun(join(outDir, 'worker.js'), typedSmokeBundle(), typeKit)}`);
} finally {
  if (process.env['KEEP_WORKER_BUNDLE']) console.log(`kept in ${outDir}`);
  else await rm(outDir, { recursive: true, force: true });
}

/**
 * Loads the bundle in a thread whose `process` is gone and whose scope looks like a worker's, then grades
 * a tiny exercise through it: a cheap stand-in for a browser that catches Node-only leftovers.
 */
async function smokeRun(bundlePath: string, bundle: object, typeKit?: string): Promise<string> {
  const thread = new Worker(
    `const { parentPort } = require('node:worker_threads');
     globalThis.process = undefined;
     globalThis.postMessage = (m) => parentPort.postMessage(m);
     globalThis.close = () => {};
     globalThis.addEventListener = (type, fn) => { if (type === 'message') parentPort.on('message', (data) => fn({ data })); };
     import(${JSON.stringify(pathToFileURL(bundlePath).href)}).catch((e) => parentPort.postMessage({ type: 'crash', message: String(e && e.stack) }));`,
    { eval: true },
  );
  const replies: {
    type: string;
    report?: { verdict: string; checks: { status: string; summary: string }[] };
    message?: string;
  }[] = [];
  const done = new Promise<string>((resolve) => {
    thread.on('message', (message: (typeof replies)[number]) => {
      replies.push(message);
      if (message.type === 'report')
        resolve(
          `${message.report?.verdict} (${message.report?.checks.map((c) => `${c.status}: ${c.summary}`).join('; ')})`,
        );
      if (message.type === 'crash' || message.type === 'failed') resolve(`FAILED ${message.message}`);
    });
    thread.on('error', (error) => resolve(`FAILED ${error.message}`));
  });
  thread.postMessage({ type: 'init', bundle, ...(typeKit === undefined ? {} : { typeKit }) });
  thread.postMessage({ type: 'check', id: 1, files: {}, timeoutMs: 10_000 });
  const outcome = await Promise.race([
    done,
    new Promise<string>((r) => setTimeout(() => r('FAILED no reply in 20 s'), 20_000)),
  ]);
  await thread.terminate();
  return outcome;
}

// A function, not a constant: the top-level await above runs before constants declared down here.
function smokeBundle(): object {
  return {
    slug: 'smoke',
    meta: {
      timeoutMs: 10_000,
      files: [
        { path: 'src/add.ts', role: 'editable' },
        { path: 'eslint.config.js', role: 'readonly' },
        { path: 'src/add.test.ts', role: 'readonly' },
      ],
      checks: [
        {
          id: 'lint',
          kind: 'lint',
          title: 'Lint',
          config: 'eslint.config.js',
          files: ['src/add.ts'],
          expect: [],
          maxWarnings: 0,
        },
        { id: 'tests', kind: 'tests', title: 'Tests', files: ['src/add.test.ts'], starterFiles: [] },
      ],
    },
    starter: {
      'src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n',
      'eslint.config.js': "export default [{ rules: { eqeqeq: 'error', 'no-unused-vars': 'error' } }];\n",
      'src/add.test.ts':
        "import { it, expect, vi } from 'vitest';\nimport { add } from './add';\nit('adds', () => { vi.useFakeTimers(); expect(add(1, 2)).toEqual(3); });\n",
    },
    hidden: {},
    solution: {},
    fixtures: {},
  };
}

/** A floating promise for the type-aware lint to catch, and a type error for the typecheck. */
function typedSmokeBundle(): object {
  return {
    slug: 'typed-smoke',
    meta: {
      timeoutMs: 20_000,
      files: [
        { path: 'src/save.ts', role: 'editable' },
        { path: 'eslint.config.js', role: 'readonly' },
      ],
      checks: [
        {
          id: 'lint',
          kind: 'lint',
          title: 'Lint',
          config: 'eslint.config.js',
          files: ['src/save.ts'],
          expect: [],
          maxWarnings: 0,
          typeAware: true,
        },
        { id: 'types', kind: 'typecheck', title: 'Types', files: ['src/save.ts'], compilerOptions: {} },
      ],
    },
    starter: {
      'src/save.ts':
        'async function write(): Promise<void> {}\nexport function save(): number {\n  write();\n  return "1";\n}\n',
      'eslint.config.js': "export default [{ rules: { '@typescript-eslint/no-floating-promises': 'error' } }];\n",
    },
    hidden: {},
    solution: {},
    fixtures: {},
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

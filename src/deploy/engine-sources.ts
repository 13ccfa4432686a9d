import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, mergeConfig, type InlineConfig, type Plugin, type Rollup } from 'vite';
import { workerEngineViteConfig } from '../runtime/engines/worker/vite-config.ts';

/**
 * The engine worker and the sandbox frame's script, each bundled into one self-contained file by its own
 * Vite build, and handed to the page as strings by the virtual module `virtual:craftpath/engine-sources`
 * (src/ui/sandbox/sandbox-frame.ts). The page passes them into the sandbox frame, which cannot fetch.
 *
 * The same build serves `npm start` and `npm run build`, so dev runs exactly the worker production runs.
 * The worker used to go through Vite's dev module graph, where ESLint is pre-bundled by the dependency
 * optimiser, which does not run the project's plugins: its `process` shim was missing, every lint and run
 * failed with "process is not defined", and the late discovery of ESLint's dependencies re-optimised them
 * and reloaded the page during the first exercise visit.
 */

export const ENGINE_SOURCES_MODULE = 'virtual:craftpath/engine-sources';
const RESOLVED = `\0${ENGINE_SOURCES_MODULE}`;

export interface EngineSources {
  /** The worker engine (src/runtime/engines/worker/worker.ts and all it imports), one classic script. */
  workerSource: string;
  /** The sandbox frame's inline script (src/ui/sandbox/frame.ts), a classic script. */
  frameScript: string;
  /** Base64 SHA-256 of frameScript, for the frame's Content-Security-Policy. */
  frameScriptHash: string;
  /** Every source file of both, for dev rebuilds. */
  inputs: string[];
}

export async function buildEngineSources(root: string): Promise<EngineSources> {
  const [worker, frame] = await Promise.all([
    bundleOne(root, 'src/runtime/engines/worker/worker.ts'),
    bundleOne(root, 'src/ui/sandbox/frame.ts'),
  ]);
  // An inline script ends at the first "</script", wherever it appears.
  if (/<\/script/i.test(frame.code)) throw new Error('The sandbox frame script contains "</script"');
  return {
    workerSource: worker.code,
    frameScript: frame.code,
    frameScriptHash: createHash('sha256').update(frame.code).digest('base64'),
    inputs: [...new Set([...worker.modules, ...frame.modules])].filter((id) => !id.includes('\0')),
  };
}

/**
 * Classic scripts, not modules: Chromium refuses a module worker from a blob: URL in an opaque origin
 * (the module fetch is a CORS request from origin "null"), while a classic worker starts.
 */
async function bundleOne(root: string, entry: string): Promise<{ code: string; modules: string[] }> {
  const config: InlineConfig = mergeConfig(workerEngineViteConfig, {
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // Libraries keep `process.env.NODE_ENV` for their consumers; this bundle is the consumer.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: join(root, entry), formats: ['iife'], name: 'craftpathSandbox', fileName: 'bundle' },
    },
  } satisfies InlineConfig);
  const result = await build(config);
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const [chunk, ...more] = chunks;
  if (!chunk || more.length > 0) throw new Error(`${entry} must bundle into one file, got ${chunks.length}`);
  return { code: chunk.code, modules: chunk.moduleIds };
}

/**
 * Serves the virtual module in dev and in the build. In dev the bundles are built once at server start
 * (a few seconds, before anyone opens an exercise) and rebuilt when one of their sources changes.
 */
export function engineSourcesPlugin(root: string): Plugin {
  let sources: Promise<EngineSources> | undefined;
  const current = (): Promise<EngineSources> => (sources ??= buildEngineSources(root));
  return {
    name: 'craftpath:engine-sources',
    configureServer(server) {
      current().catch((error: unknown) => server.config.logger.error(`Engine worker bundle failed: ${String(error)}`));
      server.watcher.on('change', (file) => {
        void sources?.then((built) => {
          if (built.inputs.includes(file)) sources = undefined;
        });
      });
    },
    resolveId(id) {
      return id === ENGINE_SOURCES_MODULE ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const built = await current();
      for (const input of built.inputs) this.addWatchFile(input);
      return [
        `export const workerSource = ${literal(built.workerSource)};`,
        `export const frameScript = ${literal(built.frameScript)};`,
        `export const frameScriptHash = ${JSON.stringify(built.frameScriptHash)};`,
      ].join('\n');
    },
  };
}

/**
 * A string literal Vite's own transforms leave alone: they look for `import.meta` in the module's text,
 * and a bundle mentions it. `\u002e` is the same dot inside the string.
 */
function literal(text: string): string {
  return JSON.stringify(text).replace(/import\.meta/g, 'import\\u002emeta');
}

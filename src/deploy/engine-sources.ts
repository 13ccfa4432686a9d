import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, mergeConfig, type InlineConfig, type Plugin, type Rollup } from 'vite';
import { workerEngineViteConfig } from '../runtime/engines/worker/vite-config.ts';
import { libClosure } from '../runtime/typecheck/lib-files.ts';

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
/** The type kit's script alone, a module of its own so only the exercises that need it download it. */
export const TYPE_KIT_SOURCE_MODULE = 'virtual:craftpath/type-kit-source';
const RESOLVED_TYPE_KIT = `\0${TYPE_KIT_SOURCE_MODULE}`;
const TYPE_KIT_LIBS_MODULE = 'virtual:craftpath/type-kit-libs';
const TYPE_KIT_ENTRY = 'src/runtime/engines/worker/type-kit-entry.ts';

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
async function bundleOne(
  root: string,
  entry: string,
  { plugins = [], define = {} }: { plugins?: Plugin[]; define?: Record<string, string> } = {},
): Promise<{ code: string; modules: string[] }> {
  const config: InlineConfig = mergeConfig(workerEngineViteConfig, {
    plugins,
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // Libraries keep `process.env.NODE_ENV` for their consumers; this bundle is the consumer.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), ...define },
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
 * The type kit (TypeScript, its lib files, typescript-eslint's parser and rules) as one classic script.
 * Built on first request only: the dev server and a build pay for it once, and only if a page imports it.
 */
export async function buildTypeKitSource(root: string): Promise<string> {
  const { code } = await bundleOne(root, TYPE_KIT_ENTRY, {
    plugins: [typeKitLibs(), eslintStubForTypescriptEslint()],
    // typescript-eslint and its glob helpers read these at load time; the worker has no `process` (and
    // must not get one: test code would see it). TypeScript's own Node system is never started here.
    define: { 'process.platform': '"browser"', 'process.env': '{}', 'process.cwd': '(() => "/")' },
  });
  return code;
}

/** The lib files the compiler options need, read from the installed typescript package at build time. */
function typeKitLibs(): Plugin {
  const resolved = `\0${TYPE_KIT_LIBS_MODULE}`;
  return {
    name: 'craftpath:type-kit-libs',
    resolveId: (id) => (id === TYPE_KIT_LIBS_MODULE ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
      const libs = libClosure((name) => readFileSync(join(libDir, name), 'utf8'));
      return `export const libs = ${JSON.stringify(libs)};`;
    },
  };
}

/**
 * typescript-eslint's utilities import the Node ESLint (for wrapper classes of ESLint, SourceCode and
 * RuleTester that rules never use); the kit gets stand-ins, so the Node ESLint and its file system
 * dependencies stay out of the browser.
 */
function eslintStubForTypescriptEslint(): Plugin {
  const stub = '\0craftpath:eslint-stub';
  return {
    name: 'craftpath:eslint-stub',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromTypescriptEslint =
        importer !== undefined && /[\\/]node_modules[\\/]@typescript-eslint[\\/]/.test(importer);
      if (!fromTypescriptEslint) return null;
      if (source === 'eslint' || source === 'eslint/use-at-your-own-risk') return stub;
      // With a program handed in, the parser only joins and resolves paths: the browser's path module does.
      if (source === 'node:path' || source === 'path')
        return this.resolve('path-browserify', importer, { skipSelf: true });
      return null;
    },
    load(id) {
      if (id !== stub) return null;
      return [
        'class Unavailable { constructor() { throw new Error("Not available in the browser engine"); } }',
        'export const ESLint = Unavailable, Linter = Unavailable, RuleTester = Unavailable, SourceCode = Unavailable;',
        'export const FlatESLint = Unavailable, LegacyESLint = Unavailable;',
        'export default { ESLint, Linter, RuleTester, SourceCode, FlatESLint, LegacyESLint };',
      ].join('\n');
    },
  };
}

/**
 * Serves the virtual module in dev and in the build. In dev the bundles are built once at server start
 * (a few seconds, before anyone opens an exercise) and rebuilt when one of their sources changes.
 */
export function engineSourcesPlugin(root: string): Plugin {
  let sources: Promise<EngineSources> | undefined;
  const current = (): Promise<EngineSources> => (sources ??= buildEngineSources(root));
  let typeKit: Promise<string> | undefined;
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
      if (id === TYPE_KIT_SOURCE_MODULE) return RESOLVED_TYPE_KIT;
      return id === ENGINE_SOURCES_MODULE ? RESOLVED : null;
    },
    async load(id) {
      if (id === RESOLVED_TYPE_KIT)
        return `export const typeKitSource = ${literal(await (typeKit ??= buildTypeKitSource(root)))};`;
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

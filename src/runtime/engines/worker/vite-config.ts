import { createRequire } from 'node:module';
import type { Plugin, UserConfig } from 'vite';

/**
 * What Vite needs to bundle the worker engine for browsers. ESLint's browser entry (`eslint/universal`)
 * still requires `node:path` and reads the global `process`; both are satisfied for ESLint's own files
 * only, so the rest of the site (and Astro's server build) keep Node's real modules.
 *
 * Used by src/deploy/engine-sources.ts, the one build of the engine worker for dev, production and
 * scripts/bundle-worker.ts.
 */

const CJS_DEPENDENCIES = new Set(['espree', 'esquery']);

/** The Node parts ESLint touches when linting, for its files alone. */
export function eslintInBrowser(): Plugin {
  const isEslintFile = (id: string | undefined): boolean =>
    id !== undefined && /[\\/]node_modules[\\/](?:eslint|path-browserify)[\\/]/.test(id);
  return {
    name: 'craftpath:eslint-in-browser',
    enforce: 'pre',
    async resolveId(source, importer) {
      // ESLint require()s these; a browser build would pick their ESM entries, and the CommonJS interop
      // then loses their named exports (esquery.parse, used for every rule's selectors, is undefined and
      // every lint fails at run time with "n.parse is not a function"). Their CommonJS builds keep them.
      if (CJS_DEPENDENCIES.has(source) && isEslintFile(importer))
        return createRequire(importer ?? import.meta.url).resolve(source);
      if ((source !== 'node:path' && source !== 'path') || !isEslintFile(importer)) return null;
      // Resolved by Vite itself, so it works wherever the config is loaded (astro.config, scripts).
      return this.resolve('path-browserify', importer, { skipSelf: true });
    },
    transform(code, id) {
      if (!isEslintFile(id) || !/\bprocess\.(?:env|cwd)\b/.test(code)) return null;
      // Browsers have no `process`. ESLint only reads optional settings (TIMING, DEBUG) from its env and
      // guards its other uses with `typeof process`; path-browserify asks for a cwd to resolve against.
      const shimmed = code
        .replace(/\bprocess\.env\b/g, '(globalThis.process?.env ?? {})')
        .replace(/\bprocess\.cwd\(\)/g, "(globalThis.process?.cwd() ?? '/')");
      return { code: shimmed, map: null };
    },
  };
}

export const workerEngineViteConfig: UserConfig = {
  plugins: [eslintInBrowser()],
  resolve: {
    // ts-lowering.ts reads Sucrase's tokenizer from its CommonJS build, which Node can load; the bundle
    // takes the ES build instead, which Sucrase's own entry already brings, so the parser is not in it twice.
    alias: [{ find: /^sucrase\/dist\/parser\/index\.js$/, replacement: 'sucrase/dist/esm/parser/index.js' }],
  },
  worker: {
    format: 'es',
    plugins: () => [eslintInBrowser()],
  },
};

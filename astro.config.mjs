// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { isolationDevPlugin, isolationPreviewProxy } from './src/deploy/isolation-server.ts';
import { deployConfigsIntegration } from './src/deploy/deploy-configs.ts';
import { assetHashesIntegration } from './src/deploy/asset-hashes.ts';
import { engineSourcesPlugin } from './src/deploy/engine-sources.ts';

// Where "Edit this page" links point. Teams self-hosting set CRAFTPATH_EDIT_BASE to their own repository.
const editBase = process.env.CRAFTPATH_EDIT_BASE ?? 'https://github.com/craftpath/craftpath/edit/main/';
const projectRoot = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  site: process.env.CRAFTPATH_SITE ?? 'https://craftpath.dev',
  trailingSlash: 'ignore',
  integrations: [mdx(), deployConfigsIntegration(projectRoot), assetHashesIntegration()],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one from data-theme. GitHub's
      // "default" themes, not the classic ones: those fail WCAG AA contrast (light's orange, dark's comments).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
  },
  vite: {
    plugins: [
      // Cross-origin isolation (COOP/COEP) for pages with exercises, so WebContainers can boot there; deploys
      // get the same headers from public/_headers, vercel.json or deploy/nginx.conf (README, "WebContainers").
      isolationDevPlugin(projectRoot),
      // The engine worker and its sandbox frame, each bundled once by its own build and served the same way
      // in dev and production (docs/adr/0006): never through the dev module graph, where ESLint lost its
      // browser shims and the page reloaded while Vite re-optimised dependencies.
      engineSourcesPlugin(projectRoot),
    ],
    // Monaco's editor and TypeScript workers.
    worker: { format: 'es' },
    // What the workbench loads, optimised when the dev server starts: found later, on the first exercise
    // visit, these made Vite re-optimise and reload the page while the learner was typing (issue 11).
    optimizeDeps: {
      include: [
        '@shikijs/monaco',
        '@webcontainer/api',
        'astro/zod',
        'monaco-editor/editor/editor.api',
        'monaco-editor/features/documentSymbols/register',
        'monaco-editor/languages/definitions/javascript/register',
        'monaco-editor/languages/definitions/markdown/register',
        'monaco-editor/languages/definitions/typescript/register',
        'monaco-editor/languages/definitions/yaml/register',
        'monaco-editor/languages/features/typescript/register',
        'monaco-editor/languages/features/typescript/tsMode',
        'shiki/core',
        'shiki/engine/javascript',
        'shiki/langs/javascript.mjs',
        'shiki/langs/markdown.mjs',
        'shiki/langs/typescript.mjs',
        'shiki/langs/yaml.mjs',
        'shiki/themes/github-dark-default.mjs',
        'shiki/themes/github-light-default.mjs',
      ],
    },
    preview: { proxy: isolationPreviewProxy(projectRoot) },
    define: {
      'import.meta.env.CRAFTPATH_EDIT_BASE': JSON.stringify(editBase),
    },
  },
});

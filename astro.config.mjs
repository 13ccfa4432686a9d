// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { isolationDevPlugin, isolationPreviewProxy } from './src/deploy/isolation-server.ts';
import { deployConfigsIntegration } from './src/deploy/deploy-configs.ts';
import { eslintInBrowser } from './src/runtime/engines/worker/vite-config.ts';

// Where "Edit this page" links point. Teams self-hosting set CRAFTPATH_EDIT_BASE to their own repository.
const editBase = process.env.CRAFTPATH_EDIT_BASE ?? 'https://github.com/craftpath/craftpath/edit/main/';
const projectRoot = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  site: process.env.CRAFTPATH_SITE ?? 'https://craftpath.dev',
  trailingSlash: 'ignore',
  integrations: [mdx(), deployConfigsIntegration(projectRoot)],
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
      // The worker engine bundles ESLint for browsers (a `process` shim and a `path` alias, for ESLint's
      // files only). Without it the build succeeds and in-browser lint fails at run time.
      eslintInBrowser(),
    ],
    worker: { format: 'es', plugins: () => [eslintInBrowser()] },
    preview: { proxy: isolationPreviewProxy(projectRoot) },
    define: {
      'import.meta.env.CRAFTPATH_EDIT_BASE': JSON.stringify(editBase),
    },
  },
});

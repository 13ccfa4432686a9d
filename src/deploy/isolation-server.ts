import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ProxyOptions } from 'vite';
import { headersFor, type IsolatedContent } from './isolation-headers.ts';
import { readIsolatedContent } from './isolated-content.ts';

/** Sets the isolation headers on one response, from the lessons as they are on disk now. */
function isolationHandler(projectRoot: string, base: string) {
  let content: Promise<IsolatedContent> | undefined;
  return {
    async apply(req: IncomingMessage, res: ServerResponse): Promise<void> {
      content ??= readIsolatedContent(projectRoot);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = base !== '/' && url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname;
      for (const [name, value] of Object.entries(headersFor(path, await content))) res.setHeader(name, value);
    },
    /** A lesson gained or lost an exercise: read the frontmatter again on the next request. */
    invalidate(): void {
      content = undefined;
    },
  };
}

/**
 * `npm start`: COOP/COEP on pages with exercises, COEP on the subresources they load, re-read when a
 * lesson changes. Vite runs this middleware before Astro renders the page.
 */
export function isolationDevPlugin(projectRoot: string, base = '/'): Plugin {
  return {
    name: 'craftpath:cross-origin-isolation',
    apply: 'serve',
    configureServer(server) {
      const handler = isolationHandler(projectRoot, base);
      server.watcher.on('all', (_event, file) => {
        if (/[\\/]content[\\/]lessons[\\/]/.test(file)) handler.invalidate();
      });
      server.middlewares.use((req, res, next) => {
        handler.apply(req, res).then(() => next(), next);
      });
    },
  };
}

/**
 * `astro preview`: Astro's static preview server drops the project's Vite plugins (it starts Vite's
 * preview with only its own, astro/dist/core/preview/static-preview-server.js), so a
 * configurePreviewServer hook would never run. It does keep `vite.preview.proxy`, and a proxy's `bypass`
 * runs for every matching request before the files are served: setting the headers there and returning
 * the URL unchanged serves the file as usual, with nothing proxied.
 */
export function isolationPreviewProxy(projectRoot: string, base = '/'): Record<string, ProxyOptions> {
  const handler = isolationHandler(projectRoot, base);
  return {
    '^/': {
      bypass: async (req, res) => {
        if (res) await handler.apply(req, res);
        return req.url ?? '/';
      },
    },
  };
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { netlifyHeaders, nginxSnippet, vercelConfig } from './isolation-headers.ts';
import { readIsolatedContent } from './isolated-content.ts';

/**
 * Brings public/_headers, vercel.json and deploy/nginx.conf in line with the lessons; returns the files
 * it had to change. Untouched files keep their timestamps, so an up-to-date tree stays clean.
 */
export async function writeDeployConfigs(projectRoot: string): Promise<string[]> {
  const content = await readIsolatedContent(projectRoot);
  const wanted: Record<string, string> = {
    'public/_headers': netlifyHeaders(content),
    'vercel.json': vercelConfig(content),
    'deploy/nginx.conf': nginxSnippet(content),
  };
  const changed: string[] = [];
  for (const [path, text] of Object.entries(wanted)) {
    const target = join(projectRoot, path);
    if ((await readFile(target, 'utf8').catch(() => undefined)) === text) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    changed.push(path);
  }
  return changed;
}

/**
 * Refreshes the deploy configs whenever the site is built or served, before public/ is copied, so an
 * author who gives a lesson an exercise gets its headers without a separate step (commit the changed
 * files). Hosts that build the site themselves (Netlify, Cloudflare Pages) therefore always deploy a
 * current _headers; vercel.json is read before the build, so it must be committed current.
 */
export function deployConfigsIntegration(projectRoot: string): AstroIntegration {
  return {
    name: 'craftpath:deploy-configs',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const changed = await writeDeployConfigs(projectRoot);
        if (changed.length > 0)
          logger.info(`Updated ${changed.join(', ')} for the lessons that now embed exercises; commit them.`);
      },
    },
  };
}

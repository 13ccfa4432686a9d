import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { netlifyHeaders, nginxSnippet, vercelConfig } from './isolation-headers.ts';
import { readIsolatedContent } from './isolated-content.ts';

/** Project-relative path of a committed deploy file, by the text it should hold. */
type DeployFiles = Record<string, string>;

/** The committed deploy files whose text no longer matches the lessons, with the text they should hold. */
export async function staleDeployConfigs(projectRoot: string): Promise<DeployFiles> {
  const content = await readIsolatedContent(projectRoot);
  const wanted: DeployFiles = {
    'public/_headers': netlifyHeaders(content),
    'vercel.json': vercelConfig(content),
    'deploy/nginx.conf': nginxSnippet(content),
  };
  const stale: DeployFiles = {};
  for (const [path, text] of Object.entries(wanted)) {
    if ((await readFile(join(projectRoot, path), 'utf8').catch(() => undefined)) !== text) stale[path] = text;
  }
  return stale;
}

/**
 * Brings public/_headers, vercel.json and deploy/nginx.conf in line with the lessons; returns the files
 * it had to change. Untouched files keep their timestamps, so an up-to-date tree stays clean.
 */
export async function writeDeployConfigs(projectRoot: string): Promise<string[]> {
  const stale = await staleDeployConfigs(projectRoot);
  await writeAtomically(projectRoot, stale);
  return Object.keys(stale);
}

/** Each file is written whole or not at all: a killed build never leaves half a vercel.json behind. */
async function writeAtomically(root: string, files: DeployFiles): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    const temporary = `${target}.${process.pid}.tmp`;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, target);
  }
}

/**
 * Keeps the deploy configs in line with the lessons, so an author who gives a lesson an exercise gets its
 * headers without a separate step (commit the changed files). `dev` writes them at once. `build` works
 * them out first (a content error stops the build before anything is written) but writes them only when
 * the build has succeeded, so a failing build leaves the committed files as they were; public/ was
 * copied by then, so the fresh _headers is written into the output too. Hosts that build the site
 * themselves (Netlify, Cloudflare Pages) therefore deploy a current _headers; vercel.json is read before
 * the build, so it must be committed current.
 */
export function deployConfigsIntegration(projectRoot: string): AstroIntegration {
  let pending: DeployFiles = {};
  const report = (logger: { info(message: string): void }, changed: string[]): void => {
    if (changed.length > 0)
      logger.info(`Updated ${changed.join(', ')} for the lessons that now embed exercises; commit them.`);
  };
  return {
    name: 'craftpath:deploy-configs',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command === 'dev') report(logger, await writeDeployConfigs(projectRoot));
        if (command === 'build') pending = await staleDeployConfigs(projectRoot);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = pending;
        pending = {};
        await writeAtomically(projectRoot, files);
        const headers = files['public/_headers'];
        if (headers !== undefined) await writeAtomically(fileURLToPath(dir), { _headers: headers });
        report(logger, Object.keys(files));
      },
    },
  };
}

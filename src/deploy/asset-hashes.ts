import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The build's manifest of hashed assets, for the service worker (public/sw.js): it serves `/_astro/`
 * files cache-first, and same-origin script can `put()` anything into that cache, so a cached copy is
 * served only when its SHA-256 is the one this build wrote. The manifest itself is pinned by its own
 * digest, written into dist/sw.js: the browser fetches sw.js itself (never from Cache Storage), so the
 * chain of trust starts where no page script can reach.
 */

export const MANIFEST_FILE = 'asset-hashes.json';
/** The line of public/sw.js the build fills in; left as is, the worker caches no hashed asset. */
export const MANIFEST_PLACEHOLDER = 'const MANIFEST_SHA256 = null;';

/** Base64 SHA-256 of every file under dist/_astro/, keyed by its path from dist/ (`_astro/x.js`). */
export async function hashAssets(dist: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const folder = join(dist, '_astro');
  const names = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of names.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dist, path).split(sep).join('/')] = sha256(await readFile(path));
  }
  return hashes;
}

/** Writes dist/asset-hashes.json and pins its digest in dist/sw.js; returns the number of assets. */
export async function writeAssetManifest(dist: string): Promise<number> {
  const hashes = await hashAssets(dist);
  const manifest = `${JSON.stringify(hashes, null, 1)}\n`;
  await writeFile(join(dist, MANIFEST_FILE), manifest);
  const swPath = join(dist, 'sw.js');
  const sw = await readFile(swPath, 'utf8');
  if (!sw.includes(MANIFEST_PLACEHOLDER)) throw new Error(`dist/sw.js lacks the line "${MANIFEST_PLACEHOLDER}"`);
  await writeFile(swPath, sw.replace(MANIFEST_PLACEHOLDER, `const MANIFEST_SHA256 = '${sha256(manifest)}';`));
  return Object.keys(hashes).length;
}

export function assetHashesIntegration(): AstroIntegration {
  return {
    name: 'craftpath:asset-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await writeAssetManifest(fileURLToPath(dir));
        logger.info(`${MANIFEST_FILE}: SHA-256 of ${count} hashed assets, pinned in sw.js`);
      },
    },
  };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('base64');
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: a change to any of these makes dist/ stale. */
export const BUILD_SOURCES = ['src', 'content', 'exercises', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why `npm run serve` must build first, or undefined when dist/ is newer than every source. */
export function whyBuild(root: string, distDir: string): string | undefined {
  const marker = join(distDir, 'index.html');
  if (!existsSync(marker)) return `${distDir}/ has no build`;
  const built = statSync(marker).mtimeMs;
  const changed = BUILD_SOURCES.find((source) => newestMtime(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

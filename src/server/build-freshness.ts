import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: a change to any of these makes dist/ stale. */
export const BUILD_SOURCES = ['src', 'content', 'exercises', 'public', 'astro.config.mjs', 'package.json'];

/** Written by the build (src/pages/craftpath-build.json.ts): how dist/ was built. */
export const BUILD_MARKER = 'craftpath-build.json';

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

/** Whether dist/ was built in team mode; undefined for a build older than the marker. */
export function builtTeamMode(distDir: string): boolean | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(distDir, BUILD_MARKER), 'utf8')) as { teamMode?: unknown };
    return typeof marker.teamMode === 'boolean' ? marker.teamMode : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The team mode `npm run serve` builds with: CRAFTPATH_TEAM_MODE when it is set (1 or 0), else what dist/
 * was built with. Sticky on purpose: a team that built without the secrets and later runs plain
 * `npm run serve` after a `git pull` must not get them back in dist/ without saying CRAFTPATH_TEAM_MODE=0.
 */
export function teamModeToBuild(env: Record<string, string | undefined>, distDir: string): boolean {
  const asked = env['CRAFTPATH_TEAM_MODE'];
  if (asked === '1') return true;
  if (asked === '0') return false;
  return builtTeamMode(distDir) ?? false;
}

/** Why `npm run serve` must build first, or undefined when dist/ is newer than every source and in the wanted mode. */
export function whyBuild(root: string, distDir: string, teamMode = false): string | undefined {
  const marker = join(distDir, 'index.html');
  if (!existsSync(marker)) return `${distDir}/ has no build`;
  const built = builtTeamMode(distDir) ?? false;
  if (built !== teamMode) return `${distDir}/ was built with team mode ${built ? 'on' : 'off'}`;
  const builtAt = statSync(marker).mtimeMs;
  const changed = BUILD_SOURCES.find((source) => newestMtime(join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

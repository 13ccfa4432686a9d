// `npm run serve`: the team server. Builds the site first when dist/ is missing or older than its
// sources (so a team lead runs one command after `git pull`), then starts src/server/main.ts in this
// process. CRAFTPATH_SKIP_BUILD=1 serves dist/ as it is (tests, and images that build once).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'content', 'exercises', 'public', 'astro.config.mjs', 'package.json'];

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

function buildIsNeeded(): string | undefined {
  const marker = join(process.env['CRAFTPATH_DIST'] ?? 'dist', 'index.html');
  if (!existsSync(marker)) return 'dist/ has no build';
  const built = statSync(marker).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(source) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

if (process.env['CRAFTPATH_SKIP_BUILD'] !== '1') {
  const reason = buildIsNeeded();
  if (reason) {
    console.log(`Building the site first (${reason}).`);
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
await import('../src/server/main.ts');

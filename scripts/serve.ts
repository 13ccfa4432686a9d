// `npm run serve`: the team server. Builds the site first when dist/ is missing or older than its
// sources (so a team lead runs one command after `git pull`), then starts src/server/main.ts in this
// process. CRAFTPATH_SKIP_BUILD=1 serves dist/ as it is (tests, and images that build once).
import { spawnSync } from 'node:child_process';
import { whyBuild } from '../src/server/build-freshness.ts';

if (process.env['CRAFTPATH_SKIP_BUILD'] !== '1') {
  const reason = whyBuild(process.cwd(), process.env['CRAFTPATH_DIST'] ?? 'dist');
  if (reason) {
    console.log(`Building the site first (${reason}).`);
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
await import('../src/server/main.ts');

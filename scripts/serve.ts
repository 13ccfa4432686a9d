// `npm run serve`: the team server. Builds the site first when dist/ is missing, older than its sources
// or built in the other team mode (so a team lead runs one command after `git pull`), then starts
// src/server/main.ts in this process. CRAFTPATH_SKIP_BUILD=1 serves dist/ as it is (tests, and images
// that build once). A team-mode dist/ stays in team mode on rebuild unless CRAFTPATH_TEAM_MODE=0 says otherwise.
import { spawnSync } from 'node:child_process';
import { teamModeToBuild, whyBuild } from '../src/server/build-freshness.ts';

if (process.env['CRAFTPATH_SKIP_BUILD'] !== '1') {
  const dist = process.env['CRAFTPATH_DIST'] ?? 'dist';
  const teamMode = teamModeToBuild(process.env, dist);
  const reason = whyBuild(process.cwd(), dist, teamMode);
  if (reason) {
    console.log(`Building the site first (${reason}${teamMode ? '; team mode: no exercise secrets in dist/' : ''}).`);
    const env = { ...process.env, CRAFTPATH_TEAM_MODE: teamMode ? '1' : '0' };
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
await import('../src/server/main.ts');

#!/usr/bin/env node
// `npm test`: build the site (browser tests run against the production build), then every Vitest project
// (unit and e2e) in one run, and end with one line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const extra = process.argv.slice(2);
const report = 'test-results/vitest.json';

// The same two steps as `npm run build`: the site, then its Pagefind search index, which the search tests need.
run('astro', ['build']);
run('pagefind', ['--site', 'dist']);
// The team server's browser tests serve the site as built for a team server (no exercise secrets in it):
// build it once here for every such file, instead of once per file (tests/e2e/team-serve.ts).
const teamDist = process.env.CRAFTPATH_TEAM_DIST ?? 'test-results/team-dist';
if (!process.env.CRAFTPATH_TEAM_DIST) run('astro', ['build', '--outDir', teamDist], { CRAFTPATH_TEAM_MODE: '1' });
rmSync(report, { force: true });
mkdirSync('test-results', { recursive: true });
const tests = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit', env: { ...process.env, CRAFTPATH_TEAM_DIST: resolve(teamDist) } },
);

let summary;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary = {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  };
} catch {
  // Vitest died before writing its report (a crash in setup): count that as a failure, never as green.
  summary = { passed: 0, failed: 1, skipped: 0 };
}
const failedSuites = tests.status !== 0 && summary.failed === 0 ? 1 : 0;
console.log(`\n${summary.passed} passed, ${summary.failed + failedSuites} failed, ${summary.skipped} skipped`);
process.exit(tests.status ?? 1);

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.log(`\n0 passed, 1 failed`);
    console.error(`\`${cmd} ${args.join(' ')}\` failed; no tests were run.`);
    process.exit(result.status ?? 1);
  }
}

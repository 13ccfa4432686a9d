#!/usr/bin/env node
// Astro 7 and Vitest 5 need Node >= 22.12. npm scripts run with node_modules/.bin first on PATH, where
// the `node` devDependency puts a Node 24 binary, so this only fails when that install step did not run.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `Craftpath needs Node >= 22.12, but this script ran on Node ${process.versions.node}.`,
      'The project installs its own Node 24 as a devDependency (the `node` package).',
      'Run `npm install` (or `npm ci`) in the project folder, then use the npm scripts:',
      '  npm start   # serve the site',
      '  npm test    # run every test',
      'They put node_modules/.bin first on PATH, so they run with Node 24.',
    ].join('\n'),
  );
  process.exit(1);
}

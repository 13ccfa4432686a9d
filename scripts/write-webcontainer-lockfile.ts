// Regenerates src/runtime/engines/webcontainer/project/package-lock.json from the site's package-lock.json.
// Run it after changing the eslint, vitest, typescript or typescript-eslint version:
//   node scripts/write-webcontainer-lockfile.ts
// It works offline: it copies resolved entries instead of asking the registry (see the module it calls).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lockfileSubset, type Lockfile } from '../src/runtime/engines/webcontainer/lockfile-subset.ts';
import { projectManifest, type SitePackage } from '../src/runtime/engines/webcontainer/project-manifest.ts';

const root = new URL('../', import.meta.url);
const target = new URL('src/runtime/engines/webcontainer/project/package-lock.json', root);

const site = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as SitePackage;
const lock = JSON.parse(await readFile(new URL('package-lock.json', root), 'utf8')) as Lockfile;
const subset = lockfileSubset(lock, projectManifest(site));
await writeFile(target, JSON.stringify(subset, null, 2) + '\n');
console.log(`Wrote ${fileURLToPath(target)} (${Object.keys(subset.packages).length - 1} packages)`);

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_LOCKFILE, PROJECT_PACKAGE_JSON } from '../../src/runtime/engines/webcontainer/project.ts';
import { PROJECT_TOOLS } from '../../src/runtime/engines/webcontainer/project-manifest.ts';
import {
  lockfileSubset,
  resolveFrom,
  topLevelFolders,
  type Lockfile,
} from '../../src/runtime/engines/webcontainer/lockfile-subset.ts';
import { projectManifest } from '../../src/runtime/engines/webcontainer/project-manifest.ts';

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;
const site = readJson<{ devDependencies: Record<string, string> }>('package.json');
const siteLock = readJson<Lockfile>('package-lock.json');
const lock = JSON.parse(PROJECT_LOCKFILE) as Lockfile;
const REGENERATE = 'Regenerate it: node scripts/write-webcontainer-lockfile.ts';

describe('the project mounted into the WebContainer', () => {
  it('pins the same eslint, vitest, typescript-eslint and typescript versions as the site', () => {
    const manifest = JSON.parse(PROJECT_PACKAGE_JSON) as { devDependencies: Record<string, string> };
    for (const tool of PROJECT_TOOLS) {
      expect(manifest.devDependencies[tool], tool).toBe(site.devDependencies[tool]);
      expect(lock.packages[`node_modules/${tool}`]?.version, `${tool} in the lockfile. ${REGENERATE}`).toBe(
        site.devDependencies[tool],
      );
    }
    // npm ci refuses a lockfile whose root entry disagrees with package.json.
    expect(lock.packages['']?.devDependencies).toEqual(manifest.devDependencies);
  });

  it('has a lockfile derived from the site’s, so the container installs the Node engine’s exact tree', () => {
    expect(lock, REGENERATE).toEqual(lockfileSubset(siteLock, projectManifest(site)));
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (location === '') continue;
      expect(entry.version, location).toBe(siteLock.packages[location]?.version);
    }
  });

  it('resolves every dependency it needs inside itself', () => {
    for (const [location, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.dependencies ?? {})) {
        expect(resolveFrom(lock, location, name), `${location} → ${name}`).toBeDefined();
      }
    }
  });

  it('counts install progress by the top-level folders npm will create', () => {
    const folders = topLevelFolders(lock);
    expect(folders).toEqual(expect.arrayContaining(['eslint', 'vitest', 'typescript', '@typescript-eslint']));
    expect(folders.some((f) => f.startsWith('@esbuild') || f.startsWith('@rolldown/binding'))).toBe(false);
  });
});

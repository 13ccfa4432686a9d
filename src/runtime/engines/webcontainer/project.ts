import sitePackage from '../../../../package.json' with { type: 'json' };
import lockfileText from './project/package-lock.json?raw';
import { projectManifest } from './project-manifest.ts';
import { topLevelFolders, type Lockfile } from './lockfile-subset.ts';
import type { FileSystemTree } from './sandbox.ts';

/**
 * The project mounted once into the container. Its package.json is made at build time from the site's
 * package.json, so the tool versions are the Node engine's; the lockfile is committed
 * (scripts/write-webcontainer-lockfile.ts) so `npm ci` installs the same tree every time.
 */
export const PROJECT_PACKAGE_JSON = JSON.stringify(projectManifest(sitePackage), null, 2) + '\n';
export const PROJECT_LOCKFILE = lockfileText;

export function projectTree(): FileSystemTree {
  return {
    'package.json': { file: { contents: PROJECT_PACKAGE_JSON } },
    'package-lock.json': { file: { contents: PROJECT_LOCKFILE } },
  };
}

/** Folders `npm ci` creates under node_modules/; counting them as they appear is the install's progress. */
export function expectedModuleFolders(): string[] {
  return topLevelFolders(JSON.parse(PROJECT_LOCKFILE) as Lockfile);
}

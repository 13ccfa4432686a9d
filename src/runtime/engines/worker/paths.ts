import type { Files } from '../../checks/toolchain.ts';

/** Workspace paths are relative with forward slashes ("src/a.ts"); these helpers never see a real disk. */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Joins and normalises `.` and `..`; returns undefined for a path that climbs out of the workspace. */
export function join(base: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'];

/**
 * Resolves an import the way Vite does for a TypeScript project: exact file, added extension,
 * `.js` written for a `.ts` file (NodeNext style), then a folder's index file.
 */
export function resolveImport(files: Files, importer: string | undefined, specifier: string): string | undefined {
  const isRelative =
    specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
  const base = specifier.startsWith('/') ? '' : isRelative ? dirname(importer ?? '') : undefined;
  if (base === undefined) return undefined;
  const target = join(base, specifier);
  if (target === undefined) return undefined;
  const candidates = [
    target,
    ...EXTENSIONS.map((ext) => target + ext),
    ...(/\.[mc]?js$/.test(target) ? [target.replace(/js$/, 'ts')] : []),
    ...EXTENSIONS.map((ext) => `${target}/index${ext}`),
  ];
  return candidates.find((candidate) => Object.hasOwn(files, candidate));
}

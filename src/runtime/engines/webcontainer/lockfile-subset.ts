/**
 * Derives the WebContainer project's package-lock.json from the site's own: the tools' entries, and every
 * package they reach, copied with their resolved versions and integrity hashes. Deriving instead of
 * resolving again means the container installs exactly the dependency tree the Node engine runs (not just
 * the same top-level versions), and the lockfile can be regenerated offline. Pure: no file system.
 */

export interface LockPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockPackage>;
}

export interface ProjectManifest {
  name: string;
  private: true;
  type: 'module';
  devDependencies: Record<string, string>;
}

type Edge = 'required' | 'optional' | 'peer';

/** The lockfile for `manifest`, taking each of its devDependencies (and their closure) from `source`. */
export function lockfileSubset(source: Lockfile, manifest: ProjectManifest): Lockfile {
  const rootDeps = Object.keys(manifest.devDependencies);
  // Per location: how it can be reached. A package is optional (or peer-only) only if every path says so.
  const reach = new Map<string, Set<Edge>>();
  const queue: { location: string; edge: Edge }[] = [];
  for (const name of rootDeps) {
    const location = resolveFrom(source, '', name);
    if (location === undefined)
      throw new Error(`${name} is not in the site's package-lock.json; run npm install first`);
    queue.push({ location, edge: 'required' });
  }
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next) break;
    const seen = reach.get(next.location) ?? new Set<Edge>();
    if (seen.has(next.edge)) continue;
    seen.add(next.edge);
    reach.set(next.location, seen);
    const entry = source.packages[next.location] ?? {};
    const inherit = (edge: Edge): Edge => (next.edge === 'required' ? edge : next.edge);
    const follow = (deps: Record<string, string> | undefined, edge: Edge, skipMissing: boolean): void => {
      for (const name of Object.keys(deps ?? {})) {
        if (edge === 'peer' && entry.peerDependenciesMeta?.[name]?.optional) continue;
        const location = resolveFrom(source, next.location, name);
        if (location === undefined) {
          if (skipMissing) continue;
          throw new Error(`${next.location} needs ${name}, which the site's package-lock.json does not hold`);
        }
        queue.push({ location, edge: inherit(edge) });
      }
    };
    follow(entry.dependencies, 'required', false);
    follow(entry.optionalDependencies, 'optional', true);
    follow(entry.peerDependencies, 'peer', true);
  }

  const packages: Record<string, LockPackage> = {
    '': { name: manifest.name, devDependencies: { ...manifest.devDependencies } },
  };
  for (const location of [...reach.keys()].sort()) {
    const edges = reach.get(location) ?? new Set<Edge>();
    const {
      dev: _dev,
      optional: _optional,
      devOptional: _devOptional,
      peer: _peer,
      ...rest
    } = source.packages[location] ?? {};
    // Every root dependency is a devDependency, so everything is dev; optional/peer only when no required path exists.
    const flags: Pick<LockPackage, 'dev' | 'optional' | 'peer'> = { dev: true };
    if (!edges.has('required') && !edges.has('peer')) flags.optional = true;
    if (!edges.has('required') && !edges.has('optional')) flags.peer = true;
    packages[location] = {
      ...pickVersionFields(rest),
      ...flags,
      ...withoutVersionFields(withoutUnresolvedOptionals(source, location, rest)),
    };
  }
  return { name: manifest.name, lockfileVersion: 3, requires: true, packages };
}

/** Node's lookup over lockfile locations: the nearest node_modules/<name> walking up from `from`. */
export function resolveFrom(lock: Lockfile, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate] !== undefined) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Top-level folder names under node_modules/ (a scope counts once), for install progress. */
export function topLevelFolders(lock: Lockfile): string[] {
  const names = new Set<string>();
  for (const location of Object.keys(lock.packages)) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(location);
    const entry = lock.packages[location];
    // Optional packages for other platforms are in the lockfile but never land on disk.
    if (match?.[1] && !entry?.optional) names.add(match[1].split('/')[0] ?? match[1]);
  }
  return [...names].sort();
}

/**
 * Drops optional dependencies the site's lockfile never resolved (a platform package the registry mirror
 * lacked): the Node engine runs without them too, and `npm ci` refuses a lockfile that names a dependency
 * it does not hold.
 */
function withoutUnresolvedOptionals(source: Lockfile, location: string, entry: LockPackage): LockPackage {
  if (!entry.optionalDependencies) return entry;
  const kept = Object.fromEntries(
    Object.entries(entry.optionalDependencies).filter(([name]) => resolveFrom(source, location, name) !== undefined),
  );
  const { optionalDependencies: _dropped, ...rest } = entry;
  return Object.keys(kept).length > 0 ? { ...rest, optionalDependencies: kept } : rest;
}

const VERSION_FIELDS = ['version', 'resolved', 'integrity'] as const;

function pickVersionFields(entry: LockPackage): LockPackage {
  const out: LockPackage = {};
  for (const key of VERSION_FIELDS) if (entry[key] !== undefined) out[key] = entry[key];
  return out;
}

function withoutVersionFields(entry: LockPackage): LockPackage {
  const { version: _version, resolved: _resolved, integrity: _integrity, ...rest } = entry;
  return rest;
}

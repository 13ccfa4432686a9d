import type { ProjectManifest } from './lockfile-subset.ts';

/**
 * The tools the WebContainer project installs: what the Node engine runs (eslint, vitest), the parser its
 * ESLint wrapper imports (typescript-eslint, with typescript as its peer). Versions always come from the
 * site's own package.json, so the two engines cannot drift apart.
 */
export const PROJECT_TOOLS = ['eslint', 'typescript', 'typescript-eslint', 'vitest'] as const;

export interface SitePackage {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function projectManifest(site: SitePackage): ProjectManifest {
  const devDependencies: Record<string, string> = {};
  for (const tool of PROJECT_TOOLS) {
    const version = site.devDependencies?.[tool] ?? site.dependencies?.[tool];
    if (version === undefined)
      throw new Error(`package.json does not list ${tool}, which the WebContainer engine installs`);
    devDependencies[tool] = version;
  }
  return { name: 'craftpath-webcontainer', private: true, type: 'module', devDependencies };
}

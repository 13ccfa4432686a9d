import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { deployConfigsIntegration } from '../../src/deploy/deploy-configs.ts';

/**
 * The deploy configs are committed files: a build that fails must leave them as they were, and one that
 * succeeds brings them, and the built _headers, in line with the lessons.
 */

const COMMITTED = ['public/_headers', 'vercel.json', 'deploy/nginx.conf'];
const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A project whose one lesson now embeds an exercise while its committed deploy files predate that. */
async function projectWithStaleConfigs(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'craftpath-deploy-'));
  roots.push(root);
  await mkdir(join(root, 'content/lessons'), { recursive: true });
  await writeFile(
    join(root, 'content/lessons/lint-for-bugs.mdx'),
    '---\ntitle: Lint\nexercises: [lint-gate]\n---\nBody\n',
  );
  for (const path of COMMITTED) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), `committed ${path}\n`);
  }
  return root;
}

const committed = (root: string) => Promise.all(COMMITTED.map((path) => readFile(join(root, path), 'utf8')));
const logger = {
  messages: [] as string[],
  info(message: string) {
    this.messages.push(message);
  },
};
type Hooks = AstroIntegration['hooks'];
// Astro calls these with many more fields; the integration reads only these.
const setup = (hooks: Hooks, command: string) =>
  hooks['astro:config:setup']?.({ command, logger } as unknown as Parameters<
    NonNullable<Hooks['astro:config:setup']>
  >[0]);
const buildDone = (hooks: Hooks, dir: string) =>
  hooks['astro:build:done']?.({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<
    NonNullable<Hooks['astro:build:done']>
  >[0]);

describe('deploy configs written by the build', () => {
  it('leaves the committed files as they were when the build does not finish', async () => {
    const root = await projectWithStaleConfigs();
    const before = await committed(root);
    const { hooks } = deployConfigsIntegration(root);
    await setup(hooks, 'build');
    // The build fails here: astro:build:done never comes.
    expect(await committed(root)).toEqual(before);
    expect((await readdir(join(root, 'public'))).sort()).toEqual(['_headers']);
  });

  it('writes them, and the built _headers, once the build has succeeded', async () => {
    const root = await projectWithStaleConfigs();
    const dist = join(root, 'dist');
    await mkdir(dist);
    await writeFile(join(dist, '_headers'), 'copied from public/ before the refresh\n');
    const { hooks } = deployConfigsIntegration(root);
    await setup(hooks, 'build');
    await buildDone(hooks, dist);
    const [headers, vercel, nginx] = await committed(root);
    expect(headers).toContain('/lessons/lint-for-bugs/');
    expect(JSON.parse(vercel ?? '')).toHaveProperty('headers');
    expect(nginx).toContain('lint-for-bugs');
    expect(await readFile(join(dist, '_headers'), 'utf8')).toBe(headers);
    expect(logger.messages.at(-1)).toBe(
      'Updated public/_headers, vercel.json, deploy/nginx.conf for the lessons that now embed exercises; commit them.',
    );
  });
});

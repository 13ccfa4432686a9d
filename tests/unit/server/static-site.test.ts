import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamServer } from '../../../src/server/app.ts';
import { teamModeToBuild, whyBuild } from '../../../src/server/build-freshness.ts';
import { openStore, type Store } from '../../../src/server/store/database.ts';
import { COEP } from '../../../src/runtime/engines/webcontainer/coep.ts';

/** The built site and the API on one origin, with the static hosts' isolation headers. */
describe('the team server serving dist/', () => {
  let dir: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof createTeamServer>>['app'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'craftpath-dist-'));
    const dist = join(dir, 'dist');
    for (const [path, text] of Object.entries({
      'index.html': '<h1>Home</h1>',
      '404.html': '<h1>Not here</h1>',
      'lessons/with-exercise/index.html': '<h1>Exercise lesson</h1>',
      'lessons/plain/index.html': '<h1>Plain lesson</h1>',
      'exercises/refund.json': '{}',
      '_astro/worker.js': 'self.onmessage = () => {};',
    })) {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    store = await openStore({ kind: 'sqlite', file: join(dir, 'data', 'craftpath.sqlite') });
    ({ app } = await createTeamServer(store, {
      origin: 'http://localhost',
      oidc: undefined,
      version: 'test',
      trustProxy: false,
      distDir: dist,
      isolated: { lessons: ['with-exercise'], exercises: ['refund'] },
    }));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => app.request(`http://localhost${path}`);

  it('isolates lessons with exercises and their JSON, and gives scripts COEP, as static hosts do', async () => {
    for (const path of ['/lessons/with-exercise/', '/lessons/with-exercise', '/exercises/refund.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy'), path).toBe(COEP);
    }
    const plain = await get('/lessons/plain/');
    expect(await plain.text()).toContain('Plain lesson');
    expect(plain.headers.get('cross-origin-opener-policy')).toBeNull();
    expect((await get('/_astro/worker.js')).headers.get('cross-origin-embedder-policy')).toBe(COEP);
  });

  it('serves the API beside the site, and the site’s 404 page for unknown pages', async () => {
    expect(await (await get('/api/session')).json()).toMatchObject({ server: 'craftpath-team' });
    const missing = await get('/no/such/page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Not here');
    expect((await get('/../../etc/passwd')).status).toBe(404);
  });

  it('rebuilds only when dist/ is missing or older than a source', () => {
    const root = join(dir, 'project');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'a.ts'), '');
    const dist = join(root, 'dist');
    expect(whyBuild(root, dist)).toMatch(/has no build/);
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src', 'a.ts'), past, past);
    utimesSync(join(root, 'src'), past, past);
    expect(whyBuild(root, dist)).toBeUndefined();
    writeFileSync(join(root, 'src', 'a.ts'), 'changed');
    utimesSync(join(dist, 'index.html'), past, past);
    expect(whyBuild(root, dist)).toBe('src changed since the last build');
  });

  it('rebuilds a dist/ made in the other team mode, and keeps a team-mode dist/ in team mode', () => {
    const root = join(dir, 'modes');
    const dist = join(root, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '');
    // A build from before the marker counts as an ordinary build.
    expect(teamModeToBuild({}, dist)).toBe(false);
    expect(whyBuild(root, dist, true)).toBe(`${dist}/ was built with team mode off`);
    writeFileSync(join(dist, 'craftpath-build.json'), JSON.stringify({ teamMode: true }));
    // Plain `npm run serve` after a team-mode build stays in team mode: no secrets come back silently.
    expect(teamModeToBuild({}, dist)).toBe(true);
    expect(whyBuild(root, dist, teamModeToBuild({}, dist))).toBeUndefined();
    expect(teamModeToBuild({ CRAFTPATH_TEAM_MODE: '0' }, dist)).toBe(false);
    expect(whyBuild(root, dist, false)).toBe(`${dist}/ was built with team mode on`);
  });
});

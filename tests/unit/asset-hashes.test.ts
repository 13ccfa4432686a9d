import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, MANIFEST_PLACEHOLDER, writeAssetManifest } from '../../src/deploy/asset-hashes.ts';

const sha256 = (data: string): string => createHash('sha256').update(data).digest('base64');

describe('asset manifest for the service worker', () => {
  let dist = '';
  afterEach(() => rm(dist, { recursive: true, force: true }));

  it('records the SHA-256 of every hashed asset and pins the manifest in sw.js', async () => {
    dist = await mkdtemp(join(tmpdir(), 'craftpath-dist-'));
    await mkdir(join(dist, '_astro', 'nested'), { recursive: true });
    await writeFile(join(dist, '_astro', 'page.abc.js'), 'console.log(1);');
    await writeFile(join(dist, '_astro', 'nested', 'font.def.woff2'), 'font');
    await writeFile(join(dist, 'sw.js'), `const VERSION = 'v2';\n${MANIFEST_PLACEHOLDER}\n`);

    await expect(writeAssetManifest(dist)).resolves.toBe(2);
    const manifest = await readFile(join(dist, MANIFEST_FILE), 'utf8');
    expect(JSON.parse(manifest)).toEqual({
      '_astro/nested/font.def.woff2': sha256('font'),
      '_astro/page.abc.js': sha256('console.log(1);'),
    });
    // What public/sw.js compares: the digest of the manifest's bytes as served.
    await expect(readFile(join(dist, 'sw.js'), 'utf8')).resolves.toContain(
      `const MANIFEST_SHA256 = '${sha256(manifest)}';`,
    );
  });

  it('fails the build when sw.js has lost the line it fills in', async () => {
    dist = await mkdtemp(join(tmpdir(), 'craftpath-dist-'));
    await writeFile(join(dist, 'sw.js'), 'const MANIFEST_SHA256 = undefined;\n');
    await expect(writeAssetManifest(dist)).rejects.toThrow(/lacks the line/);
  });

  it('public/sw.js carries the line the build fills in', async () => {
    await expect(readFile('public/sw.js', 'utf8')).resolves.toContain(MANIFEST_PLACEHOLDER);
  });
});

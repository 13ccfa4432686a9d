import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  headersFor,
  isIsolatedPath,
  netlifyHeaders,
  nginxSnippet,
  vercelConfig,
} from '../../src/deploy/isolation-headers.ts';
import { readIsolatedContent } from '../../src/deploy/isolated-content.ts';
import { COEP } from '../../src/runtime/engines/webcontainer/coep.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const REGENERATE =
  'A lesson gained or lost an exercise: run `node scripts/write-isolation-headers.ts` and commit the result.';

const content = { lessons: ['fakes-over-mocks'], exercises: ['payment-charge'] };
const both = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': COEP };
const coepOnly = { 'Cross-Origin-Embedder-Policy': COEP };

describe('cross-origin isolation headers', () => {
  it('isolates lesson pages with exercises and their exercise JSON, nothing else', () => {
    for (const path of [
      '/lessons/fakes-over-mocks',
      '/lessons/fakes-over-mocks/',
      '/lessons/fakes-over-mocks/index.html',
      '/exercises/payment-charge.json',
    ]) {
      expect(isIsolatedPath(path, content), path).toBe(true);
    }
    for (const path of [
      '/',
      '/lessons/lint-for-bugs/',
      '/lessons/fakes-over-mocks/x',
      '/exercises/other.json',
      '/tracks/code-quality/',
    ]) {
      expect(isIsolatedPath(path, content), path).toBe(false);
    }
  });

  it('gives every subresource COEP, so workers started by an isolated page may load', () => {
    expect(headersFor('/lessons/fakes-over-mocks/', content)).toEqual(both);
    expect(headersFor('/lessons/lint-for-bugs/', content)).toEqual({});
    expect(headersFor('/lessons/lint-for-bugs/index.html', content)).toEqual({});
    expect(headersFor('/node_modules/monaco-editor/esm/vs/editor/editor.worker.js', content)).toEqual(coepOnly);
    expect(headersFor('/src/runtime/engines/worker/worker.ts', content)).toEqual(coepOnly);
    expect(headersFor('/@vite/client', content)).toEqual(coepOnly);
    expect(headersFor('/_astro/editor.worker.js', content)).toEqual(coepOnly);
  });

  it('has deploy configs that match the lessons as they are now', async () => {
    const current = await readIsolatedContent(root);
    expect(read('public/_headers'), REGENERATE).toBe(netlifyHeaders(current));
    expect(read('vercel.json'), REGENERATE).toBe(vercelConfig(current));
    expect(read('deploy/nginx.conf'), REGENERATE).toBe(nginxSnippet(current));
  });

  it('writes each host’s format', () => {
    expect(netlifyHeaders(content)).toContain(
      '/lessons/fakes-over-mocks/\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: credentialless',
    );
    expect(netlifyHeaders(content)).toContain('/_astro/*\n  Cross-Origin-Embedder-Policy: credentialless');
    const vercel = JSON.parse(vercelConfig(content)) as { headers: { source: string }[] };
    expect(vercel.headers.map((h) => h.source)).toEqual([
      '/lessons/fakes-over-mocks(/)?',
      '/exercises/payment-charge.json',
      '/_astro/(.*)',
    ]);
    expect(nginxSnippet(content)).toContain('"~^/lessons/(fakes-over-mocks)(/|/index\\.html)?$" "same-origin";');
    expect(nginxSnippet(content)).toContain('add_header Cross-Origin-Embedder-Policy $craftpath_coep always;');
  });
});

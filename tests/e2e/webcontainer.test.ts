import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';
import { readIsolatedContent } from '../../src/deploy/isolated-content.ts';
import { DEFAULT_BOOT_TIMEOUT_MS } from '../../src/runtime/engines/load-engine.ts';

const { newPage, url } = useBrowser();

/**
 * This machine has no network, so the real @webcontainer/api's boot never settles here, as it would for
 * a learner cut off from StackBlitz. What is checked: isolation headers in the preview server, and that
 * the page then falls back to the worker engine visibly while its results stand. A real boot, install
 * and run inside a WebContainer are NOT exercised by this suite.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
}

async function runChecks(page: Page): Promise<void> {
  const before = Number((await page.locator('[data-results]').getAttribute('data-runs')) ?? 0);
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-results]')?.getAttribute('data-runs') ?? 0) > n,
    before,
    { timeout: 30_000 },
  );
}

describe('WebContainers: isolation and the fallback', () => {
  it('serves a lesson with an exercise cross-origin isolated, and leaves other pages alone', async () => {
    const content = await readIsolatedContent(root);
    expect(content.lessons, 'the lesson this suite opens must list its exercise').toContain(LESSON.split('/')[2]);
    const page = await newPage();
    const response = await page.goto(url(LESSON));
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('credentialless');
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(true);

    // Pages without exercises keep their freedom to embed cross-origin media: the home page, a track page,
    // and any lesson that embeds no exercise (there may be none once every lesson has one).
    const plain = (await readdirLessons()).filter((id) => !content.lessons.includes(id)).map((id) => `/lessons/${id}/`);
    for (const path of ['/', '/tracks/code-quality/', ...plain.slice(0, 1)]) {
      const other = await page.goto(url(path));
      expect(other?.headers()['cross-origin-embedder-policy'], path).toBeUndefined();
      await expect(
        page.evaluate(() => crossOriginIsolated),
        path,
      ).resolves.toBe(false);
    }
  });

  it('loads Monaco’s and the worker engine’s workers under COEP: lint markers arrive', async () => {
    const page = await newPage();
    // A worker refused by COEP shows up here: Monaco then falls back to its main thread, quietly.
    const complaints: string[] = [];
    page.on('console', (m) => {
      if (/web worker|embedder|COEP|cross-origin/i.test(m.text())) complaints.push(m.text());
    });
    await openExercise(page);
    // Ask for a lint until one lands: on a busy machine the first may pass the engine's lint limit.
    await page.waitForFunction(
      async (slug) => {
        const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
          workbench: Promise<{ lintNow(): Promise<unknown> }>;
        };
        await (await el.workbench).lintNow();
        return document.querySelector('.workbench__editor')?.getAttribute('data-linted-at');
      },
      SLUG,
      { timeout: 60_000, polling: 1_000 },
    );
    expect(complaints).toEqual([]);
  }, 120_000);

  it(
    'falls back to the worker with a visible note when WebContainer.boot() hangs, for an exercise that needs Node',
    async () => {
      const page = await newPage();
      // Only `webcontainer` exercises show the container's status: the worker cannot run all their checks.
      // (An `auto` one boots quietly; tests/e2e/workbench-layout.test.ts checks that it says nothing.)
      await asNodeOnly(page);
      await openExercise(page);
      // The engine, and with it the boot, starts while the workbench mounts; allow for a loaded machine.
      const mounted = Date.now();
      const slackMs = 15_000;
      await page
        .locator('.workbench')
        .getByText(/Starting Node in your browser/)
        .waitFor({ timeout: 10_000 });
      const note = page.locator('.workbench').getByText(/did not start within \d+ s/);
      await note.waitFor({ state: 'visible', timeout: DEFAULT_BOOT_TIMEOUT_MS + slackMs });
      expect(Date.now() - mounted).toBeLessThan(DEFAULT_BOOT_TIMEOUT_MS + slackMs);
      await expect(note.textContent()).resolves.toMatch(/network access to StackBlitz/);

      await runChecks(page);
      const results = page.locator('[data-results]');
      await expect(results.textContent()).resolves.toMatch(/worker/);
      await runChecks(page);
      await expect(results.textContent()).resolves.toMatch(/worker/);
    },
    DEFAULT_BOOT_TIMEOUT_MS + 60_000,
  );

  it('tells a learner on a page without isolation that a Node-only exercise has a CLI, and still grades it', async () => {
    const page = await newPage();
    await withoutIsolationAsNodeOnly(page);
    await openExercise(page);
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(false);
    const note = page.locator('.workbench').getByText(/not cross-origin isolated/);
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(note.textContent()).resolves.toContain(`npm run exercises -- check ${SLUG}`);
    await runChecks(page);
    await expect(page.locator('[data-results]').textContent()).resolves.toMatch(/worker/);
  });
});

/**
 * Serves the lesson without its isolation headers and the exercise marked `webcontainer`, as a host
 * without the README's header config would serve a Node-only exercise.
 */
async function withoutIsolationAsNodeOnly(page: Page): Promise<void> {
  await page.route(url(LESSON), async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await asNodeOnly(page);
}

/** Serves the exercise marked `webcontainer`, as if its checks needed Node. */
async function asNodeOnly(page: Page): Promise<void> {
  // Requests a service worker answers bypass page.route, so this page runs without the offline worker.
  await page.addInitScript(() => Object.defineProperty(navigator, 'serviceWorker', { value: undefined }));
  await page.route(url(`/exercises/${SLUG}.json`), async (route) => {
    const response = await route.fetch();
    const bundle = (await response.json()) as { meta: { engine: string } };
    bundle.meta.engine = 'webcontainer';
    await route.fulfill({ response, json: bundle });
  });
}

async function readdirLessons(): Promise<string[]> {
  return (await readdir(`${root}content/lessons`))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => n.replace(/\.mdx$/, ''));
}

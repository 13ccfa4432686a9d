import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';

/** Starts the exercise as a learner does (see workbench.test.ts) and waits for the editor. */
async function startExercise(page: Page): Promise<void> {
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Presses Run and waits for this run's report (the results panel counts completed runs). */
async function runChecks(page: Page): Promise<string> {
  const results = page.locator('[data-results]');
  const before = Number((await results.getAttribute('data-runs')) ?? 0);
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-results]')?.getAttribute('data-runs') ?? 0) > n,
    before,
    { timeout: 60_000 },
  );
  return (await results.getAttribute('data-verdict')) ?? '';
}

describe('offline', () => {
  it('a lesson visited once, and its exercise, work with the network cut', async () => {
    const page = await newPage();
    await page.goto(url(LESSON));
    await startExercise(page);
    // The first visit is cached as it happens: wait until the worker controls the page and holds the page
    // itself and the exercise bundle (what the page loaded before the worker took over arrives by message).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    await page.waitForFunction(
      async (slug) =>
        (await caches.match(location.href)) !== undefined &&
        (await caches.match(`/exercises/${slug}.json`)) !== undefined,
      SLUG,
      { timeout: 15_000, polling: 250 },
    );
    const isolatedOnline = await page.evaluate(() => crossOriginIsolated);
    expect(isolatedOnline, 'a page with an exercise is served cross-origin isolated').toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    // The network is really gone, for the page and for the service worker: a file it never saw fails.
    const uncached = await page.evaluate(async () => {
      try {
        return (await fetch(`/favicon.svg?never-cached=${Date.now()}`)).status;
      } catch {
        return 'failed';
      }
    });
    expect(uncached).toBe('failed');
    await expect(page.locator('article h1').count()).resolves.toBe(1);
    // Served from the cache with its COOP/COEP headers, the page is still isolated.
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(isolatedOnline);

    await startExercise(page);
    // The starter fails its checks: a real report from the worker engine, not an error or a timeout.
    await expect(runChecks(page)).resolves.toBe('fail');
    await expect(page.locator('[data-results] .report__verdict').textContent()).resolves.toMatch(/checks need work/);
    // Two editor starts and a run on a shared 2-core machine: well over the default minute when busy.
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

// The exercise closes the lesson, several screens below its top.
const LESSON = '/lessons/api-trade-offs-graphql/';
const SLUG = 'feed-dataloader';

/** What the workbench prefetch fetches (workbench.ts): the exercise bundle and the engine's sandbox frame. */
function watchPrefetch(page: Page): { bundleRequested: () => boolean } {
  let requested = false;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/exercises/${SLUG}.json`) requested = true;
  });
  return { bundleRequested: () => requested };
}

describe('workbench prefetch', () => {
  it('downloads nothing of the editor while the exercise is out of view, and prefetches as it nears', async () => {
    const page = await newPage();
    const prefetch = watchPrefetch(page);
    await page.goto(url(LESSON), { waitUntil: 'networkidle' });
    // Two idle periods: a prefetch on idle would have started by now.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
    await page.waitForLoadState('networkidle');
    expect(prefetch.bundleRequested()).toBe(false);
    await expect(page.locator('[data-engine-sandbox]').count()).resolves.toBe(0);

    // A screen and a half above the exercise: within the prefetch's reach, short of starting it on arrival.
    await page.evaluate(() => {
      const top = document.querySelector('craftpath-exercise')?.getBoundingClientRect().top ?? 0;
      window.scrollTo(0, Math.max(0, window.scrollY + top - window.innerHeight * 1.5));
    });
    await page.locator('[data-engine-sandbox]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(prefetch.bundleRequested()).toBe(true);
    // Prefetched, not started: the Start button is still there and no editor was built.
    await expect(page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`).count()).resolves.toBe(1);
    await expect(page.locator('.monaco-editor').count()).resolves.toBe(0);
  });
});

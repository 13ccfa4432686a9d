import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

// The exercise closes the lesson, several screens below its top.
const LESSON = '/lessons/api-trade-offs-graphql/';
const SLUG = 'feed-dataloader';

/** The prefetch imports the workbench's module at once (element.ts), then fetches the exercise's bundle. */
const isWorkbench = (requestUrl: string): boolean =>
  /\/_astro\/workbench\.[\w-]+\.js$/.test(new URL(requestUrl).pathname);
const isBundle = (requestUrl: string): boolean => new URL(requestUrl).pathname === `/exercises/${SLUG}.json`;

describe('workbench prefetch', () => {
  it('downloads nothing of the editor while the exercise is out of view, and prefetches as it nears', async () => {
    const page = await newPage();
    let requested = false;
    page.on('request', (request) => (requested ||= isWorkbench(request.url()) || isBundle(request.url())));
    await page.goto(url(LESSON), { waitUntil: 'load' });
    // Two idle periods: a prefetch on idle would have requested the workbench's module by now.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
    await page.waitForLoadState('networkidle');
    expect(requested).toBe(false);
    await expect(page.locator('[data-engine-sandbox]').count()).resolves.toBe(0);

    // A screen and a half above the exercise: within the prefetch's reach, short of starting it on arrival.
    const prefetched = page.waitForRequest((request) => isBundle(request.url()), { timeout: 30_000 });
    await page.evaluate(() => {
      const top = document.querySelector('craftpath-exercise')?.getBoundingClientRect().top ?? 0;
      window.scrollTo(0, Math.max(0, window.scrollY + top - window.innerHeight * 1.5));
    });
    await prefetched;
    await page.locator('[data-engine-sandbox]').waitFor({ state: 'attached', timeout: 30_000 });
    // Prefetched, not started: the Start button is still there and no editor was built.
    await expect(page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`).count()).resolves.toBe(1);
    await expect(page.locator('.monaco-editor').count()).resolves.toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

describe('site navigation', () => {
  it('home page says what Craftpath is and offers a first step', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    await expect(page.locator('h1').textContent()).resolves.toMatch(/senior/i);
    const start = page.getByRole('link', { name: 'Start the first lesson' });
    await start.click();
    await page.waitForURL(/\/lessons\//);
    await expect(page.locator('article h1').count()).resolves.toBe(1);
  });

  it('track page lists its lessons in order with time estimates', async () => {
    const page = await newPage();
    await page.goto(url('/tracks/code-quality/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Code Quality');
    const orders = await page.locator('.lesson-list__order').allTextContents();
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.map(Number)).toEqual([...orders.map(Number)].sort((a, b) => a - b));
    const metas = await page.locator('.lesson-list__item .meta').allTextContents();
    for (const m of metas) expect(m).toMatch(/^\d+ min$/);
  });

  it('lesson page has sidebar, table of contents, sources and an edit link', async () => {
    const page = await newPage();
    await page.goto(url('/tracks/code-quality/'));
    await page.locator('.lesson-list__item a').first().click();
    // count() does not wait: let the click's navigation finish before reading the lesson page.
    await page.waitForURL(/\/lessons\//);
    await expect(page.locator('nav[aria-label="Track lessons"] a[aria-current="page"]').count()).resolves.toBe(1);
    await expect(page.locator('#sources').textContent()).resolves.toBe('Sources');
    await expect(page.locator('.sources li').count()).resolves.toBeGreaterThan(0);
    const edit = await page.getByRole('link', { name: 'Edit this page' }).getAttribute('href');
    expect(edit).toMatch(/content\/lessons\/[\w-]+\.mdx$/);
  });

  it('previous and next links walk the track in order', async () => {
    const page = await newPage();
    await page.goto(url('/tracks/code-quality/'));
    const titles = await page.locator('.lesson-list__title').allTextContents();
    expect(titles.length, 'need two lessons in the track to walk it').toBeGreaterThan(1);
    await page.locator('.lesson-list__item a').first().click();
    await expect(page.locator('a[rel="prev"]').count()).resolves.toBe(0);
    await page.locator('a[rel="next"]').click();
    await expect(page.locator('article h1').textContent()).resolves.toBe(titles[1]);
    await page.locator('a[rel="prev"]').click();
    await expect(page.locator('article h1').textContent()).resolves.toBe(titles[0]);
  });

  it('unknown addresses get the 404 page with a way home', async () => {
    const page = await newPage();
    const response = await page.goto(url('/no/such/page/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.waitForURL(url('/'));
  });
});

describe('theme and accessibility basics', () => {
  it('the theme toggle switches theme and the choice survives a reload', async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('/'));
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    await expect(theme()).resolves.toBe('light');
    const toggle = page.locator('[data-theme-toggle]');
    await toggle.click();
    await expect(theme()).resolves.toBe('dark');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    await expect(theme()).resolves.toBe('dark');
  });

  it('the saved theme is applied before first paint (no flash)', async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => localStorage.setItem('craftpath-theme', 'dark'));
    // Record the theme at the first moment the body exists, before any deferred script could run.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { firstTheme?: string | undefined }).firstTheme =
            document.documentElement.dataset['theme'];
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url('/'));
    await expect(
      page.evaluate(() => (window as unknown as { firstTheme?: string | undefined }).firstTheme),
    ).resolves.toBe('dark');
  });

  it('keyboard users can skip to the main content', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    for (const landmark of ['banner', 'main', 'contentinfo']) {
      await expect(page.getByRole(landmark as 'main').count()).resolves.toBe(1);
    }
  });

  it('pages fit a phone screen without sideways scrolling', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['/', '/tracks/code-quality/']) {
      await page.goto(url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await page.locator('.lesson-list__item a').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow on a lesson').toBeLessThanOrEqual(0);
  });
});

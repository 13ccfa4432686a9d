import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

// A phrase that appears only in the body of one lesson (content/lessons/small-changes.mdx).
const PHRASE = 'made the bug invisible by packaging';
const LESSON = '/lessons/small-changes/';

async function results(page: Page): Promise<{ href: string; title: string; excerpt: string; marks: number }[]> {
  await page
    .locator('[data-search-status]')
    .filter({ hasNotText: /^$|Searching/ })
    .waitFor({ timeout: 15_000 });
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      title: li.querySelector('a')?.textContent ?? '',
      excerpt: li.querySelector('p')?.textContent ?? '',
      marks: li.querySelectorAll('p mark').length,
    })),
  );
}

describe('search', () => {
  it('finds a lesson by a phrase from its body, from the header box, by keyboard alone', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await box.focus();
    await page.keyboard.type(PHRASE);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const found = await results(page);
    expect(found[0]?.href).toBe(LESSON);
    expect(found[0]?.title).toBe('Small changes');
    expect(found[0]?.excerpt).toMatch(/packaging/);
    expect(found[0]?.marks).toBeGreaterThan(0);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/match/);
    await page.locator('.search-result a').first().click();
    await page.waitForURL(url(LESSON));
  });

  it('ranks a lesson first for its title and searches as the learner types on the search page', async () => {
    const page = await newPage();
    await page.goto(url('/search/'));
    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('small changes');
    const found = await results(page);
    expect(found[0]?.href).toBe(LESSON);
    expect(new URL(page.url()).searchParams.get('q')).toBe('small changes');
  });

  it('says so when nothing matches', async () => {
    const page = await newPage();
    await page.goto(url('/search/?q=zzqxjv'));
    await expect(results(page)).resolves.toEqual([]);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/No lesson matches/);
  });

  it('indexes lesson bodies only, and lesson pages load no search code', async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(url(LESSON), { waitUntil: 'networkidle' });
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // The home page and track pages are not lessons: a phrase from the home page finds nothing.
    await page.goto(url('/search/?q=' + encodeURIComponent('Point a mentee at an exercise')));
    const found = await results(page);
    expect(found.every((r) => r.href.startsWith('/lessons/'))).toBe(true);
  });
});

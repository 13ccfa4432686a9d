import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Result } from 'axe-core';
import { useBrowser } from './browser.ts';
import { seededProgress } from './seeded-progress.ts';
import { axe, describeViolations } from './axe.ts';

const { newPage, url } = useBrowser();

/** Every page of the built site: each index.html under dist/, as its URL, and the 404 page. */
function builtPages(dir = 'dist'): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        const rel = relative(dir, folder).split(sep).join('/');
        found.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dir);
  return [...found.sort(), '/404.html'];
}

const BLOCKING = new Set(['serious', 'critical']);

// Moderate and minor findings (heading order, regions) do not fail the run; they are listed at the end
// so they are seen and fixed over time rather than silently accepted.
const advisory = new Map<string, Set<string>>();
function blocking(violations: Result[], where: string): Result[] {
  for (const v of violations) {
    if (BLOCKING.has(v.impact ?? '')) continue;
    const key = `${v.id} (${v.impact}): ${v.help}`;
    advisory.set(key, (advisory.get(key) ?? new Set()).add(where));
  }
  return violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}
afterAll(() => {
  if (advisory.size === 0) return;
  const lines = [...advisory].map(([rule, where]) => `  ${rule}\n    on ${[...where].join(', ')}`);
  console.log(`axe, moderate and minor findings (not failing the run):\n${lines.join('\n')}`);
});

const pages = builtPages();

describe.each(['light', 'dark'] as const)('accessibility (axe), %s theme', (theme) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
    // The theme script picks the system preference when nothing is saved; contrast differs per theme.
    await page.emulateMedia({ colorScheme: theme });
  });

  it('finds the pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages).toContain('/search/');
  });

  it.each(pages)('%s has no serious or critical violations', async (path) => {
    await page.goto(url(path));
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
    const found = blocking(await axe(page), `${path} (${theme})`);
    expect(found, `axe on ${path} (${theme}):\n${describeViolations(found)}`).toEqual([]);
  });

  it('search results (links, excerpts, highlighted words) have no serious or critical violations', async () => {
    await page.goto(url('/search/?q=retries'));
    await page.locator('.search-result mark').first().waitFor({ timeout: 15_000 });
    const found = blocking(await axe(page), `search results (${theme})`);
    expect(found, `axe on search results (${theme}):\n${describeViolations(found)}`).toEqual([]);
  });
});

describe('accessibility (axe), a learner’s progress', () => {
  it('the progress and home pages with progress, failing checks and a due review card shown have none, in both themes', async () => {
    const page = await newPage();
    const progress = seededProgress();
    await page.goto(url('/progress/'));
    await page.evaluate((p) => localStorage.setItem('craftpath:progress', p), progress);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(url('/progress/'));
      await page.locator('#review [data-card-show]').first().click();
      const found = blocking(await axe(page), `progress with a review card (${theme})`);
      expect(found, `axe on progress (${theme}):\n${describeViolations(found)}`).toEqual([]);
      await page.goto(url('/'));
      await page.locator('#review-due [data-card]').first().waitFor();
      const home = blocking(await axe(page), `home with a due card (${theme})`);
      expect(home, `axe on home (${theme}):\n${describeViolations(home)}`).toEqual([]);
    }
  });
});

describe('accessibility (axe), exercise workbench', () => {
  // Monaco is checked as it is, not excluded: its own ARIA (textarea, tabs, hover) passes, and the one
  // finding it had, faint line numbers, is fixed in src/styles/exercise.css.
  it('has no serious or critical violations with the editor started and a report shown, in both themes', async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('/lessons/failure-first-payment-service/'));
    const start = page.locator('craftpath-exercise[data-slug="payment-charge"] [data-start]');
    if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
    await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    // The editor shows before the site's Shiki colours load; contrast is judged on those.
    await page.locator('.workbench__editor[data-themed]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('[data-run]').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-results]')?.getAttribute('data-runs')) > 0);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.locator('[data-theme-toggle]').click();
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
      const found = blocking(await axe(page), `workbench (${theme})`);
      expect(found, `axe on the workbench (${theme}):\n${describeViolations(found)}`).toEqual([]);
    }
  }, 120_000);

  it('has none in focus mode with the file tree and the shortcuts open, nor on a phone with the drawer open', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('/lessons/boundaries-around-change/'));
    const start = page.locator('craftpath-exercise[data-slug="module-boundaries"] [data-start]');
    if (await start.count()) await start.click().catch(() => undefined);
    await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('[data-focus-toggle]').click();
    await page.locator('[data-shortcuts] summary').click();
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.keyboard.press('Escape');
      if (theme === 'dark') await page.locator('[data-theme-toggle]').click();
      if (theme === 'dark') await page.locator('[data-focus-toggle]').click();
      const found = blocking(await axe(page), `workbench focus mode (${theme})`);
      expect(found, `axe on focus mode (${theme}):\n${describeViolations(found)}`).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('Escape');
    await page.locator('[data-files-toggle]').click();
    const found = blocking(await axe(page), 'workbench drawer (dark)');
    expect(found, `axe on the drawer:\n${describeViolations(found)}`).toEqual([]);
  }, 120_000);

  it('has none on a judgment exercise with its brief rendered and focus mode on, in both themes', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1400, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('/lessons/caching-with-numbers/'));
    const exercise = page.locator('craftpath-exercise[data-slug="cache-decision"]');
    const start = exercise.locator('[data-start]');
    if (await start.count()) await start.click().catch(() => undefined);
    await exercise.locator('.judgment[data-ready] .prose table').waitFor({ timeout: 30_000 });
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.locator('[data-theme-toggle]').click();
      await exercise.locator('[data-focus-toggle]').click();
      const found = blocking(await axe(page), `judgment brief (${theme})`);
      expect(found, `axe on the judgment brief (${theme}):\n${describeViolations(found)}`).toEqual([]);
      await page.keyboard.press('Escape');
    }
  }, 120_000);
});

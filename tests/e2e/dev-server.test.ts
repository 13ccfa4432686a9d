import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFile, useBrowser } from './browser.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

/**
 * The learner's loop (issue 11.1): open a lesson, start its exercise, get a lint marker, Run, see a
 * verdict, under `npm start` exactly as in the production build. The dev server used to fail every lint
 * and run ("process is not defined") and reload the page while Vite re-optimised dependencies on the
 * first exercise visit; a window marker set before the journey must survive it.
 */

const { newPage, url: previewUrl } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const FILE = 'src/charge.ts';

let dev: DevServer | undefined;
beforeAll(async () => {
  dev = await startDevServer();
});
afterAll(async () => {
  await dev?.stop();
});

async function journey(page: Page, base: string): Promise<void> {
  await page.goto(new URL(LESSON, base).toString());
  await page.evaluate(() => ((window as { journeyMarker?: string }).journeyMarker = 'still here'));
  await page
    .locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`)
    .click()
    .catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 90_000 });
  await openFile(page, FILE);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('export const sameAmount = (a: number, b: number) => a == b;\n');
  // ESLint's answer, not any squiggle: the TypeScript service draws its own.
  await page.waitForFunction(
    () =>
      Number(document.querySelector('.workbench__editor')?.getAttribute('data-lint-problems') ?? 0) > 0 ||
      document.querySelector('.workbench__editor')?.hasAttribute('data-lint-error'),
    null,
    { timeout: 60_000 },
  );
  await expect(page.locator('.workbench__editor').getAttribute('data-lint-error')).resolves.toBeNull();
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 });

  await page.locator('[data-run]').click();
  await page.waitForFunction(() => document.querySelector('[data-results]')?.hasAttribute('data-verdict'), null, {
    timeout: 90_000,
  });
  // The starter's charge() is unfinished: the hidden scenarios fail, and say so.
  await expect(page.locator('[data-results]').getAttribute('data-verdict')).resolves.toBe('fail');
  await expect(page.locator('[data-results] .test--fail').count()).resolves.toBeGreaterThan(0);
  await expect(page.evaluate(() => (window as { journeyMarker?: string }).journeyMarker)).resolves.toBe('still here');
}

/**
 * Astro's content layer writes .astro/data-store.json and its modules just after the server starts, and
 * Astro reloads the page that is open then (the reload arrives as its dev client connects). That is
 * Astro's start-up, a fraction of a second into the first page of the session, not the re-optimisation
 * this test is about; one visit to the home page, up to its dev client connecting, lets it pass.
 */
async function settle(page: Page, base: string): Promise<void> {
  const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected') });
  await page.goto(new URL('/', base).toString());
  await connected;
}

describe('the learner loop', () => {
  it('works under the dev server (npm start), with no reload on the first exercise visit', async () => {
    if (!dev) throw new Error('dev server not started');
    const page = await newPage();
    await settle(page, dev.url);
    await journey(page, dev.url);
    expect(dev.output()).not.toMatch(/optimized dependencies changed|reloading/i);
  });

  it('works the same against the production build', async () => {
    const page = await newPage();
    await journey(page, previewUrl('/'));
  });
});

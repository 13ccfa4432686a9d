import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';

/**
 * One browser per test file and a fresh context (cookies, storage) per `newPage`, so tests never see each
 * other's saved theme or progress.
 */
export function useBrowser(): { newPage: () => Promise<Page>; url: (path: string) => string } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // An uncaught exception in a page is a bug a user would hit even when the assertion passed.
  let pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(() => {
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  const baseUrl = inject('baseUrl');
  return {
    url: (path) => new URL(path, baseUrl).toString(),
    newPage: async () => {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return page;
    },
  };
}

/** Opens a workbench file from the tree, as a learner does; in the lesson column the tree is a drawer behind the Files button. */
export async function openFile(page: Page, path: string): Promise<void> {
  const item = page.locator(`[role="treeitem"][data-path="${path}"]`);
  if (!(await item.isVisible())) await page.locator('[data-files-toggle]').click();
  await item.click();
  await page.locator(`.workbench__editor[data-open-file="${path}"]`).waitFor();
}

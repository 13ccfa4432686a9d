import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();
const LESSON = 'failure-first-payment-service';
const SLUG = 'payment-charge';

/** Starts the exercise, pastes the reference solution and runs the checks until they pass. */
async function passExercise(page: Page): Promise<void> {
  await page.goto(url(`/lessons/${LESSON}/`));
  await page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`).click();
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ timeout: 30_000 });
  await page.evaluate(async (slug) => {
    const bundle = (await (await fetch(`/exercises/${slug}.json`)).json()) as { solution: Record<string, string> };
    const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
      workbench: Promise<{ setFile(p: string, t: string): void }>;
    };
    const wb = await el.workbench;
    for (const [path, text] of Object.entries(bundle.solution)) wb.setFile(path, text);
  }, SLUG);
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-results]')?.getAttribute('data-verdict') === 'pass',
    null,
    {
      timeout: 60_000,
    },
  );
}

const lessonState = (page: Page) => page.locator(`[data-lesson-id="${LESSON}"]`).first().getAttribute('data-state');

describe('learner progress', () => {
  it('a passed exercise marks its lesson done on the track page and the dashboard, across reloads', async () => {
    const page = await newPage();
    await passExercise(page);
    await page.goto(url('/tracks/code-quality/'));
    await expect(lessonState(page)).resolves.toBe('passed');
    await expect(page.locator(`[data-lesson-id="${LESSON}"] [data-state-label]`).first().textContent()).resolves.toBe(
      'done',
    );
    await page.goto(url('/progress/'));
    const summary = page.locator('[data-track="code-quality"] [data-summary]');
    await expect(summary.textContent()).resolves.toMatch(/^1 of \d+ lessons done$/);
    await page.reload();
    await expect(summary.textContent()).resolves.toMatch(/^1 of \d+ lessons done$/);
    // The home page offers to continue with the first unfinished step after the lesson last read.
    await page.goto(url('/'));
    await expect(page.locator('[data-continue] a').getAttribute('href')).resolves.toBe(
      '/lessons/fakes-over-mocks/#exercise-refund-fakes-contract',
    );
  });

  it('export, clear storage, import: progress and code come back', async () => {
    const page = await newPage();
    await passExercise(page);
    await page.goto(url('/progress/'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export]').click()]);
    const path = await download.path();
    const backup = JSON.parse(readFileSync(path, 'utf8')) as { format: string; work: Record<string, unknown> };
    expect(backup.format).toBe('craftpath-backup');
    expect(Object.keys(backup.work)).toContain(SLUG);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^0 of/);
    await page.locator('[data-import]').setInputFiles(path);
    // Reading the file is asynchronous; the preview comes first and nothing is written until Import.
    await page.locator('[data-import-apply]').click();
    await expect.poll(() => page.locator('[data-backup-status]').textContent()).toMatch(/Imported/);
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^1 of/);
    const work = await page.evaluate((slug) => localStorage.getItem(`craftpath:work:${slug}`), SLUG);
    expect(work).toContain('"files"');
  });

  it('a file that is not a backup is refused and changes nothing', async () => {
    const page = await newPage();
    await page.goto(url('/progress/'));
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect
      .poll(() => page.locator('[data-backup-status]').textContent())
      .toMatch(/^Nothing was imported\. Not a Craftpath backup/);
    await expect(page.evaluate(() => localStorage.length)).resolves.toBe(0);
  });

  it('corrupt stored progress is explained and set aside, and the page keeps working', async () => {
    const page = await newPage();
    await page.goto(url('/progress/'));
    await page.evaluate(() => localStorage.setItem('craftpath:progress', '{"version":1,"exercises":{"x":'));
    await page.reload();
    const notice = page.locator('[data-progress-notice]');
    // The island renders after the page's load event: wait for the notice rather than racing it.
    await notice.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(notice.textContent()).resolves.toMatch(/set aside/);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.some((k) => k.startsWith('craftpath:quarantine:progress:'))).toBe(true);
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^0 of/);
    await passExercise(page);
    await page.goto(url('/progress/'));
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^1 of/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const FILE = 'src/charge.ts';
const KEY = `craftpath:work:${SLUG}`;

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
}

async function getFile(page: Page, path = FILE): Promise<string | undefined> {
  return page.evaluate(
    async ([s, p]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
        workbench: Promise<{ getFile(p: string): string | undefined }>;
      };
      return (await el.workbench).getFile(p as string);
    },
    [SLUG, path],
  );
}

async function setFile(page: Page, text: string, path = FILE): Promise<void> {
  await page.evaluate(
    async ([s, p, t]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
        workbench: Promise<{ setFile(p: string, t: string): void }>;
      };
      (await el.workbench).setFile(p as string, t as string);
    },
    [SLUG, path, text],
  );
}

/** Types at the end of the open file with the keyboard, as a learner does. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.workbench__editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Fills localStorage to the last character, as a browser full of other data would be. */
async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 1; i++) {
      try {
        localStorage.setItem(`filler:${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

const status = (page: Page) => page.locator('.workbench__status');

describe('no lost edit', () => {
  it('an edit typed 0 ms before a reload is there after it', async () => {
    const page = await newPage();
    await openExercise(page);
    const marker = `// typed just before reload ${Date.now()}`;
    await typeAtEnd(page, `\n${marker}`);
    // No wait for the debounced save: the reload starts at once.
    await page.reload();
    await openExercise(page);
    await expect(getFile(page)).resolves.toContain(marker);
  });

  it('an edit typed just before following a link, or closing the tab, is kept', async () => {
    const page = await newPage();
    await openExercise(page);
    await typeAtEnd(page, '\n// before navigation');
    await page.goto(url('/progress/'));
    await expect(page.evaluate((k) => localStorage.getItem(k), KEY)).resolves.toContain('// before navigation');

    await openExercise(page);
    await typeAtEnd(page, '\n// before close');
    const context = page.context();
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url('/progress/'));
    await expect.poll(() => again.evaluate((k) => localStorage.getItem(k), KEY)).toContain('// before close');
  });

  it('two tabs on one exercise: the other tab is told and picks which version to keep', async () => {
    const first = await newPage();
    await openExercise(first);
    const second = await first.context().newPage();
    await openExercise(second);

    await setFile(first, 'export const fromFirst = 1;\n');
    await first.locator('.workbench__editor[data-saved-at]').waitFor({ state: 'attached', timeout: 10_000 });
    const choice = second.locator('.workbench__status [data-conflict]');
    await choice.waitFor({ timeout: 10_000 });
    await expect(choice.textContent()).resolves.toMatch(/changed in another tab/);
    // The second tab types on: nothing it does overwrites the first tab's save until it picks.
    await setFile(second, 'export const fromSecond = 2;\n');
    await expect(second.locator('.workbench__status [data-keep-mine]').isVisible()).resolves.toBe(true);
    expect(await second.evaluate((k) => localStorage.getItem(k), KEY)).toContain('fromFirst');

    await second.locator('[data-keep-mine]').click();
    await expect.poll(() => second.evaluate((k) => localStorage.getItem(k), KEY)).toContain('fromSecond');
    // Now the first tab is the one told, and it takes the other version.
    await first.locator('.workbench__status [data-conflict]').waitFor({ timeout: 10_000 });
    await first.locator('[data-take-theirs]').click();
    await expect(getFile(first)).resolves.toBe('export const fromSecond = 2;\n');
    await expect(first.locator('.workbench__status [data-conflict]').count()).resolves.toBe(0);
  });

  it('a full storage is reported in the status line while typing, and clears once saving works', async () => {
    const page = await newPage();
    await openExercise(page);
    await fillStorage(page);
    await typeAtEnd(page, '\n// no room');
    await expect
      .poll(() => status(page).textContent(), { timeout: 10_000 })
      .toBe('Your code is not being saved: browser storage is full.');
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler:')) localStorage.removeItem(key);
    });
    await typeAtEnd(page, '\n// room again');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('');
    // The first save that works may be mid-word; the last keystroke's save follows.
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).toContain('// room again');
  });

  it('an unreadable record that cannot be set aside stays untouched, and the notice says so', async () => {
    const page = await newPage();
    await page.goto(url('/progress/'));
    const original = `{"version":1,"files":"${'y'.repeat(2_000_000)}`;
    await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [KEY, original]);
    await fillStorage(page);
    await openExercise(page);
    await expect(status(page).textContent()).resolves.toMatch(
      /could not be read, and could not be set aside \(browser storage is full\), so it is left in place, untouched/,
    );
    await typeAtEnd(page, '\n// a keystroke');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/not being saved/);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(original);
    const quarantined = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('craftpath:quarantine:')),
    );
    expect(quarantined).toEqual([]);
  });
});

describe('results survive a reload', () => {
  it('the last report comes back with its time, marked as from a previous run', async () => {
    const page = await newPage();
    await openExercise(page);
    await page.locator('[data-run]').click();
    await page.waitForFunction(() => document.querySelector('[data-results]')?.hasAttribute('data-verdict'), null, {
      timeout: 60_000,
    });
    const verdict = await page.locator('[data-results] .report__verdict').textContent();
    await page.reload();
    await openExercise(page);
    const banner = page.locator('[data-results] [data-previous-run]');
    await expect(banner.textContent()).resolves.toMatch(/^From a previous run, /);
    await expect(page.locator('[data-results] .report__verdict').textContent()).resolves.toBe(verdict);
    // Restored, not re-run: the panel counts no run in this visit.
    await expect(page.locator('[data-results]').getAttribute('data-runs')).resolves.toBeNull();
  });
});

describe('the judgment island saves and restores the same way', () => {
  const IMPACT_LESSON = '/lessons/what-would-break/';
  const IMPACT = 'nullable-field-impact';

  async function openImpact(page: Page) {
    await page.goto(url(IMPACT_LESSON));
    const exercise = page.locator(`craftpath-exercise[data-slug="${IMPACT}"]`);
    const start = exercise.locator('[data-start]');
    if (await start.count()) await start.click().catch(() => undefined);
    await exercise.locator('.judgment[data-ready]').waitFor({ state: 'visible', timeout: 30_000 });
    return exercise;
  }

  it('an answer ticked 0 ms before a reload is kept, and the last graded report comes back marked', async () => {
    const page = await newPage();
    let exercise = await openImpact(page);
    await exercise.locator('[data-panel="impact"] input').first().check();
    await page.reload();
    exercise = await openImpact(page);
    await expect(exercise.locator('[data-panel="impact"] input').first().isChecked()).resolves.toBe(true);

    const results = exercise.locator('[data-judgment] > [data-results]');
    await exercise.locator('[data-submit]').click();
    await expect.poll(() => results.getAttribute('data-runs'), { timeout: 20_000 }).toBe('1');
    const scores = await results.locator('.judgment__scores').textContent();
    await page.reload();
    exercise = await openImpact(page);
    const restored = exercise.locator('[data-judgment] > [data-results]');
    await expect(restored.locator('[data-previous-run]').textContent()).resolves.toMatch(/^From a previous run, /);
    await expect(restored.locator('.judgment__scores').textContent()).resolves.toBe(scores);
  });
});

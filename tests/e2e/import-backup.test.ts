import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const FILE = 'src/charge.ts';

const record = (exercise: string, files: Record<string, string>, updatedAt: string) => ({
  version: 1,
  exercise,
  files,
  updatedAt,
});

function backupFile(work: Record<string, unknown>, exercises: Record<string, unknown> = {}) {
  const body = {
    format: 'craftpath-backup',
    version: 1,
    exportedAt: '2026-11-28T12:00:00.000Z',
    progress: { version: 1, exercises },
    work,
  };
  return { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
}

/** The learner's own state in this browser before an import. */
async function seedMine(page: Page): Promise<void> {
  await page.goto(url('/progress/'));
  await page.evaluate(
    ([slug, file]) => {
      localStorage.setItem(
        `craftpath:work:${slug}`,
        JSON.stringify({
          version: 1,
          exercise: slug,
          files: { [file as string]: '// mine, older' },
          updatedAt: '2026-11-01T00:00:00.000Z',
          revision: 4,
        }),
      );
      localStorage.setItem(
        'craftpath:progress',
        JSON.stringify({
          version: 1,
          exercises: {
            [slug as string]: {
              status: 'passed',
              attempts: 2,
              passedAt: '2026-11-01T00:00:00.000Z',
              lastAttemptAt: '2026-11-01T00:00:00.000Z',
            },
          },
        }),
      );
    },
    [SLUG, FILE],
  );
  await page.reload();
}

const everything = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

const status = (page: Page) => page.locator('[data-backup-status]');

describe('import never destroys', () => {
  it('shows what will change before writing, merges, and Undo restores exactly the previous state', async () => {
    const page = await newPage();
    await seedMine(page);
    const before = await everything(page);
    await page.locator('[data-import]').setInputFiles(
      backupFile(
        {
          [SLUG]: record(SLUG, { [FILE]: '// theirs, newer' }, '2026-11-20T00:00:00.000Z'),
          'lint-gate': record('lint-gate', { 'eslint.config.js': 'export default [];' }, '2026-11-20T00:00:00.000Z'),
        },
        { [SLUG]: { status: 'in-progress', attempts: 5, lastAttemptAt: '2026-11-20T00:00:00.000Z' } },
      ),
    );
    const preview = page.locator('[data-import-preview]');
    await preview.waitFor();
    // Nothing has changed yet.
    expect(await everything(page)).toEqual(before);
    const row = (slug: string) => preview.locator(`[data-import-row="${slug}"]`);
    await expect(row(SLUG).getAttribute('data-code')).resolves.toBe('newer');
    // Passed here stays passed: the backup's in-progress is not a better result.
    await expect(row(SLUG).getAttribute('data-result')).resolves.toBe('newer');
    await expect(row('lint-gate').getAttribute('data-code')).resolves.toBe('added');
    // The preview says which exercises contain code, and that it will not run by itself.
    await expect(row('lint-gate').locator('[data-has-code]').textContent()).resolves.toBe('yes: eslint.config.js');
    await expect(preview.textContent()).resolves.toMatch(/nothing lints or runs it until you press Run checks/);

    await page.locator('[data-import-apply]').click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Imported and merged: 2 exercise\(s\) changed\./);
    const after = await everything(page);
    expect(after[`craftpath:work:${SLUG}`]).toContain('theirs, newer');
    expect(after['craftpath:progress']).toContain('"status":"passed"');
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^1 of/);

    await page.locator('[data-import-undo]').click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Import undone/);
    expect(await everything(page)).toEqual(before);
  });

  it('an import too big for storage changes nothing, and says so', async () => {
    const page = await newPage();
    await seedMine(page);
    const before = await everything(page);
    // 8 MB of code in four exercises: more than the browser's storage holds.
    const big = Object.fromEntries(
      ['a', 'b', 'c', 'd'].map((s) => [
        s,
        record(s, { 'src/x.ts': 'x'.repeat(2_000_000) }, '2026-11-20T00:00:00.000Z'),
      ]),
    );
    await page.locator('[data-import]').setInputFiles(backupFile(big));
    await page.locator('[data-import-apply]').click();
    await expect
      .poll(() => status(page).textContent())
      .toBe('Nothing was imported: browser storage is full. Your progress and code are exactly as they were before.');
    expect(await everything(page)).toEqual(before);
  });

  it('a record filed under one exercise that names another is refused, and nothing is written', async () => {
    const page = await newPage();
    await seedMine(page);
    const before = await everything(page);
    await page.locator('[data-import]').setInputFiles(
      backupFile({
        [SLUG]: record('lint-gate', { 'eslint.config.js': 'export default [];' }, '2026-11-20T00:00:00.000Z'),
      }),
    );
    await expect
      .poll(() => status(page).textContent())
      .toBe('Nothing was imported. work.payment-charge: the code filed under “payment-charge” names “lint-gate”.');
    await expect(page.locator('[data-import-preview]').count()).resolves.toBe(0);
    expect(await everything(page)).toEqual(before);
  });

  it('"View this backup" shows its progress and code read-only, without touching the learner\'s own', async () => {
    const page = await newPage();
    await seedMine(page);
    const before = await everything(page);
    await page
      .locator('[data-import]')
      .setInputFiles(
        backupFile({ [SLUG]: record(SLUG, { [FILE]: '// the mentee wrote this' }, '2026-11-20T00:00:00.000Z') }),
      );
    await page.locator('[data-backup-view-open]').click();
    const view = page.locator('[data-backup-view]');
    await view.waitFor();
    await view.locator(`[data-view-exercise="${SLUG}"] summary`).click();
    await expect(view.locator(`[data-view-exercise="${SLUG}"] pre`).textContent()).resolves.toBe(
      '// the mentee wrote this',
    );
    await expect(view.locator('[data-view-track="code-quality"]').textContent()).resolves.toMatch(
      /0 of \d+ lessons done/,
    );
    // The learner's own dashboard still shows their pass, and storage is as it was.
    await expect(page.locator('[data-track="code-quality"] [data-summary]').textContent()).resolves.toMatch(/^1 of/);
    expect(await everything(page)).toEqual(before);
    await page.locator('[data-backup-view-close]').click();
    await page.locator('[data-import-cancel]').click();
    expect(await everything(page)).toEqual(before);
  });
});

describe('imported code is inert', () => {
  async function importAndOpen(page: Page): Promise<void> {
    await page.goto(url('/progress/'));
    await page
      .locator('[data-import]')
      .setInputFiles(
        backupFile({ [SLUG]: record(SLUG, { [FILE]: 'export const imported = 1;\n' }, '2026-11-20T00:00:00.000Z') }),
      );
    await page.locator('[data-import-apply]').click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Imported/);
    await page.goto(url(LESSON));
    await page
      .locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`)
      .click()
      .catch(() => undefined);
    await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
  }

  it('is not linted or run until Run, and a one-line notice says why', async () => {
    const page = await newPage();
    await importAndOpen(page);
    const notice = page.locator('[data-inert-notice]');
    await expect(notice.textContent()).resolves.toMatch(/came from an imported backup, so nothing lints or runs it/);
    const editor = page.locator('.workbench__editor');
    // The mount asks for lint synchronously when it does at all: none was asked for, no markers exist.
    await expect(editor.getAttribute('data-lint-requests')).resolves.toBeNull();
    await expect(editor.getAttribute('data-linted-at')).resolves.toBeNull();
    await expect(page.locator('.workbench__editor .squiggly-error').count()).resolves.toBe(0);
    // Typing does not lint it either.
    await page.locator('.workbench__editor .view-lines').click();
    await page.keyboard.type('// edited');
    await expect(editor.getAttribute('data-lint-requests')).resolves.toBeNull();

    await page.locator('[data-run]').click();
    await page.waitForFunction(() => document.querySelector('[data-results]')?.hasAttribute('data-verdict'), null, {
      timeout: 60_000,
    });
    await expect(notice.count()).resolves.toBe(0);
    // Run made it the learner's: from now on it lints as they type, and the mark is gone from storage.
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k), `craftpath:work:${SLUG}`))
      .not.toContain('"origin"');
    await page.locator('.workbench__editor .view-lines').click();
    await page.keyboard.type(' ');
    await page.locator('.workbench__editor[data-linted-at]').waitFor({ state: 'attached', timeout: 30_000 });
  });

  it('"Lint as I type" turns lint on for it', async () => {
    const page = await newPage();
    await importAndOpen(page);
    await expect(page.locator('.workbench__editor').getAttribute('data-lint-requests')).resolves.toBeNull();
    // The notice (and its control) goes once lint is on: the code is the learner's from then on.
    await page.locator('[data-lint-toggle]').click();
    await page.locator('.workbench__editor[data-linted-at]').waitFor({ state: 'attached', timeout: 30_000 });
    await expect(page.locator('[data-inert-notice]').count()).resolves.toBe(0);
  });
});

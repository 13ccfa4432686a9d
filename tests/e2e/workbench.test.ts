import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFile, useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const FILE = 'src/charge.ts';

interface Bundle {
  starter: Record<string, string>;
  solution: Record<string, string>;
}

/** Opens the lesson and starts the exercise the way a learner does: scroll to it and press Start. */
async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
}

/** The programmatic handle, used only where a learner would paste a whole file. */
function handle(page: Page) {
  return {
    setFile: (path: string, text: string) =>
      page.evaluate(
        async ([s, p, t]) => {
          const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
            workbench: Promise<{ setFile(p: string, t: string): void }>;
          };
          (await el.workbench).setFile(p as string, t as string);
        },
        [SLUG, path, text],
      ),
    getFile: (path: string) =>
      page.evaluate(
        async ([s, p]) => {
          const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
            workbench: Promise<{ getFile(p: string): string | undefined }>;
          };
          return (await el.workbench).getFile(p as string);
        },
        [SLUG, path],
      ),
  };
}

async function bundle(page: Page): Promise<Bundle> {
  return page.evaluate(async (s) => (await fetch(`/exercises/${s}.json`)).json() as Promise<Bundle>, SLUG);
}

/** Presses Run and waits for this run's report (the results panel counts completed runs). */
async function runChecks(page: Page): Promise<string> {
  const results = page.locator('[data-results]');
  const before = Number((await results.getAttribute('data-runs')) ?? 0);
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-results]')?.getAttribute('data-runs') ?? 0) > n,
    before,
    {
      timeout: 60_000,
    },
  );
  return (await results.getAttribute('data-verdict')) ?? '';
}

describe('exercise workbench', () => {
  it('shows the exercise at once and the editor only after Start, with read-only files locked', async () => {
    const page = await newPage();
    await page.goto(url(LESSON));
    const block = page.locator(`section[data-exercise="${SLUG}"]`);
    await expect(block.locator('h2').textContent()).resolves.toMatch(/charge/i);
    await expect(page.locator('.monaco-editor').count()).resolves.toBe(0);
    await openExercise(page);
    // Every visible file is in the tree with its role: the learner's file editable, the bank read-only.
    await expect(page.locator(`[role="treeitem"][data-path="${FILE}"] [data-badge]`).textContent()).resolves.toBe(
      'editable',
    );
    await expect(page.locator('[role="treeitem"][data-path="src/bank.ts"] [data-badge]').textContent()).resolves.toBe(
      'read-only',
    );
    // Typing changes an editable file and leaves a read-only one alone.
    const typeInto = async (path: string, text: string) => {
      await openFile(page, path);
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type(text);
    };
    await typeInto(FILE, '// learner was here\n');
    await expect(handle(page).getFile(FILE)).resolves.toMatch(/^\/\/ learner was here/);
    await typeInto('src/bank.ts', '// learner was here\n');
    await expect(handle(page).getFile('src/bank.ts')).resolves.not.toContain('learner was here');
  });

  it('typing a bug puts a lint marker on its line', async () => {
    const page = await newPage();
    await openExercise(page);
    await openFile(page, FILE);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('export const sameAmount = (a: number, b: number) => a == b;\n');
    // Wait for ESLint's answer, not for any squiggle: the TypeScript service draws its own.
    await page.waitForFunction(
      () => Number(document.querySelector('.workbench__editor')?.getAttribute('data-lint-problems') ?? 0) > 0,
      null,
      { timeout: 30_000 },
    );
    // The default editor rules mark bugs as warnings; the marker sits on the line just typed (line 1).
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 });
  });

  it('Run shows failing tests with their messages, and the solution passes everything', async () => {
    const page = await newPage();
    await openExercise(page);
    await expect(runChecks(page)).resolves.toBe('fail');
    const failures = page.locator('[data-results] .test--fail');
    expect(await failures.count()).toBeGreaterThan(0);
    await expect(failures.first().locator('.test__failure').textContent()).resolves.toMatch(/\w+/);
    await expect(page.locator('[data-announcer]').textContent()).resolves.toMatch(/Checks finished/);

    const { solution } = await bundle(page);
    for (const [path, text] of Object.entries(solution)) await handle(page).setFile(path, text);
    // Ctrl+Enter from the editor runs the checks too.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-results]')?.getAttribute('data-verdict') === 'pass',
      null,
      { timeout: 60_000 },
    );
    await expect(page.locator('[data-results] .report__verdict').textContent()).resolves.toContain('All checks pass');
  });

  it("the learner's code is back after a reload", async () => {
    const page = await newPage();
    await openExercise(page);
    const marker = `// saved at ${Date.now()}`;
    const { starter } = await bundle(page);
    await handle(page).setFile(FILE, `${starter[FILE]}\n${marker}\n`);
    // It saves on a pause in typing; wait for that save rather than a fixed time.
    await page.locator('.workbench__editor[data-saved-at]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.reload();
    await openExercise(page);
    await expect(handle(page).getFile(FILE)).resolves.toContain(marker);
  });

  it('an endless loop is stopped as a timeout and the editor keeps working', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await openExercise(page);
    const { starter, solution } = await bundle(page);
    const looping = (solution[FILE] ?? starter[FILE] ?? '').replace(
      /(export async function charge\([^)]*\)[^{]*\{)/,
      '$1\n  while (true) {}',
    );
    expect(looping).toContain('while (true)');
    await handle(page).setFile(FILE, looping);
    const started = Date.now();
    await expect(runChecks(page)).resolves.toBe('timeout');
    expect(Date.now() - started).toBeLessThan(60_000);
    await expect(page.locator('[data-results] .report__verdict').textContent()).resolves.toMatch(/did not finish/);
    // The page still works: typing, and the next run uses a fresh engine.
    for (const [path, text] of Object.entries(solution)) await handle(page).setFile(path, text);
    await expect(runChecks(page)).resolves.toBe('pass');
  });
});

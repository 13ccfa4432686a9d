import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

/** An exercise with nested folders, readonly and editable files, and starter lines over 100 characters. */
const LESSON = '/lessons/boundaries-around-change/';
const SLUG = 'module-boundaries';
const LONG_FILE = 'src/modules/profiles/internal/profiles-api.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function openExercise(page: Page, lesson = LESSON, slug = SLUG): Promise<void> {
  await page.goto(url(lesson));
  const start = page.locator(`craftpath-exercise[data-slug="${slug}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await page
    .locator(`craftpath-exercise[data-slug="${slug}"] .workbench[data-ready] .monaco-editor`)
    .waitFor({ state: 'visible', timeout: 30_000 });
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
}

/** Whether any rendered line of the editor runs past its right edge: what a learner would scroll to read. */
function linesOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const editor = document.querySelector('.workbench__editor .monaco-editor');
    const lines = editor?.querySelector('.view-lines');
    if (!editor || !lines) throw new Error('no editor');
    const right = editor.getBoundingClientRect().right;
    return [...lines.querySelectorAll('.view-line > span')].some((span) => span.getBoundingClientRect().right > right);
  });
}

/** Top of the editor's first line, so a test can wait for Monaco to draw the file it was asked to open. */
async function showsFile(page: Page, path: string): Promise<void> {
  await page.locator(`.workbench__editor[data-open-file="${path}"]`).waitFor({ timeout: 10_000 });
}

describe('workbench layout: room to work', () => {
  it('focus mode fills the viewport with the tree (folders, badges) beside the editor, and Escape leaves it', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openExercise(page);
    const toggle = page.locator('[data-focus-toggle]');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('[data-announcer]').textContent()).resolves.toMatch(/Focus mode on.*Escape/);
    const frame = await box(page, '.workbench[data-focus-mode]');
    expect(frame).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
    // The tree is a column now, not a drawer: folders with their files, each file with its role.
    const tree = await box(page, '[role="tree"]');
    const editor = await box(page, '.workbench__editor');
    expect(tree.x + tree.width).toBeLessThanOrEqual(editor.x);
    const folders = await page
      .locator('[role="tree"] [data-folder]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-folder')));
    expect(folders).toEqual(expect.arrayContaining(['src', 'src/modules', 'src/modules/feeds/internal']));
    await expect(page.locator(`[data-path="${LONG_FILE}"] [data-badge]`).textContent()).resolves.toBe('read-only');
    await expect(page.locator('[data-path="src/modules/feeds/index.ts"] [data-badge]').textContent()).resolves.toBe(
      'editable',
    );
    // The page behind is inert: Tab cannot wander under the overlay.
    await expect(page.locator('.site-header').evaluate((el) => el.closest('[inert]') !== null)).resolves.toBe(true);
    // Results beside the editor on a wide screen.
    const side = await box(page, '.workbench__side');
    expect(side.x).toBeGreaterThan(editor.x + editor.width - 1);

    await page.locator('[role="tree"] [aria-selected="true"]').focus();
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.locator('[data-announcer]').textContent()).resolves.toBe('Focus mode off.');
    await expect(page.locator('.site-header').evaluate((el) => el.closest('[inert]') !== null)).resolves.toBe(false);
    expect((await box(page, '.workbench')).width).toBeLessThan(1280);
    // And back with the keyboard shortcut.
    await page.keyboard.press('Alt+Shift+Enter');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('the file tree works by keyboard alone: arrows move, Left closes a folder, Enter opens a file', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openExercise(page);
    await page.locator('[data-focus-toggle]').click();
    // One Tab stop: the open file.
    const stops = await page.locator('[role="treeitem"][tabindex="0"]').count();
    expect(stops).toBe(1);
    await page.locator('[role="treeitem"][tabindex="0"]').focus();
    await page.keyboard.press('Home');
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('data-folder') ?? document.activeElement?.getAttribute('data-path'),
      );
    await expect(focused()).resolves.toBe('src');
    await page.keyboard.press('ArrowDown'); // src/modules
    await page.keyboard.press('ArrowDown'); // src/modules/feeds
    await expect(focused()).resolves.toBe('src/modules/feeds');
    await page.keyboard.press('ArrowLeft'); // closes feeds
    await expect(page.locator('[data-folder="src/modules/feeds"]').getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
    await expect(page.locator('[role="treeitem"][data-path="src/modules/feeds/index.ts"]').isVisible()).resolves.toBe(
      false,
    );
    await page.keyboard.press('ArrowDown'); // skips the closed folder's files: src/modules/messaging
    await expect(focused()).resolves.toBe('src/modules/messaging');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight'); // opens feeds again
    await page.keyboard.press('ArrowRight'); // into it: feeds/internal
    await page.keyboard.press('ArrowRight'); // into internal: feed-service.ts
    await expect(focused()).resolves.toBe('src/modules/feeds/internal/feed-service.ts');
    await page.keyboard.press('Enter');
    await showsFile(page, 'src/modules/feeds/internal/feed-service.ts');
    await expect(
      page
        .locator('[role="treeitem"][data-path="src/modules/feeds/internal/feed-service.ts"]')
        .getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await page.keyboard.press('ArrowLeft'); // to its folder
    await expect(focused()).resolves.toBe('src/modules/feeds/internal');
  });

  it('a starter line over 100 characters wraps instead of scrolling sideways; Word wrap turns that off', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openExercise(page);
    const longest = await page.evaluate(
      async ([s, p]) => {
        const res = await fetch(`/exercises/${s}.json`);
        const bundle = (await res.json()) as { starter: Record<string, string> };
        return Math.max(...(bundle.starter[p as string] ?? '').split('\n').map((l) => l.length));
      },
      [SLUG, LONG_FILE],
    );
    expect(longest).toBeGreaterThan(100);
    await page.locator('[data-files-toggle]').click();
    await page.locator(`[role="treeitem"][data-path="${LONG_FILE}"]`).click();
    await showsFile(page, LONG_FILE);
    await expect(page.locator('[data-wrap-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => linesOverflow(page)).toBe(false);
    await page.locator('[data-wrap-toggle]').click();
    await expect.poll(() => linesOverflow(page)).toBe(true);
  });

  it('the splitter resizes the editor with the keyboard, below it in the lesson and beside it in focus mode', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openExercise(page);
    const splitter = page.locator('.workbench [role="separator"]');
    await expect(splitter.getAttribute('aria-orientation')).resolves.toBe('horizontal');
    const before = (await box(page, '.workbench__editor')).height;
    await splitter.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await box(page, '.workbench__editor')).height).toBe(before + 64);
    await expect(splitter.getAttribute('aria-valuetext')).resolves.toMatch(/^Editor \d+ pixels tall$/);
    // Dragging it with a pointer does the same. The page scrolls smoothly to a focused element, so the
    // bar's box is read once that scroll has ended (no motion: the learner's reduced-motion setting).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await splitter.scrollIntoViewIfNeeded();
    const bar = await box(page, '.workbench [role="separator"]');
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 - 100, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => Math.abs((await box(page, '.workbench__editor')).height - (before + 64 - 100)))
      .toBeLessThan(2);

    await page.locator('[data-focus-toggle]').click();
    await expect(splitter.getAttribute('aria-orientation')).resolves.toBe('vertical');
    const wide = (await box(page, '.workbench__editor')).width;
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await box(page, '.workbench__editor')).width).toBeLessThan(wide - 50);
    await expect(splitter.getAttribute('aria-valuenow')).resolves.toBe('50');
    await page.keyboard.press('End');
    await expect(splitter.getAttribute('aria-valuenow')).resolves.toBe('80');
  });

  it('marks a visible test file as a test, besides editable or read-only', async () => {
    const page = await newPage();
    await openExercise(page, '/lessons/incident-to-decision/', 'capstone-retry-storm');
    const badges = (path: string) =>
      page.locator(`[role="treeitem"][data-path="${path}"] [data-badge]`).allTextContents();
    await expect(badges('src/adapters/bank/bank-adapter.test.ts')).resolves.toEqual(['test', 'editable']);
    await expect(badges('src/adapters/bank/fake-acme-bank.ts')).resolves.toEqual(['read-only']);
    // Hidden files (the probes, the hidden tests) are not in the tree at all.
    await expect(page.locator('[role="treeitem"][data-path$=".probe.ts"]').count()).resolves.toBe(0);
    await expect(page.locator('[role="treeitem"][data-path="tests/retry-storm.test.ts"]').count()).resolves.toBe(0);
  });

  it('lists the keyboard shortcuts in a disclosure', async () => {
    const page = await newPage();
    await openExercise(page);
    const shortcuts = page.locator('[data-shortcuts]');
    await expect(shortcuts.locator('dl').isVisible()).resolves.toBe(false);
    await shortcuts.locator('summary').click();
    const text = await shortcuts.locator('dl').textContent();
    expect(text).toMatch(/Ctrl\+Enter.*Run the checks/);
    expect(text).toMatch(/Alt\+Shift\+Enter.*Focus mode/);
    expect(text).toMatch(/Escape.*Leave focus mode/);
    expect(text).toMatch(/Alt\+Z.*Word wrap/);
  });

  it('on a 390 px phone the tree is a drawer and no badge is clipped', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openExercise(page);
    await expect(page.locator('[role="tree"]').isVisible()).resolves.toBe(false);
    const toggle = page.locator('[data-files-toggle]');
    await expect(toggle.textContent()).resolves.toMatch(/^Files: /);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('[role="tree"]').isVisible()).resolves.toBe(true);
    // The keyboard is in the drawer, on the open file.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('treeitem');
    // No badge sticks out of the drawer or the screen, and none has its text cut off.
    const badges = await page.locator('[role="tree"] .badge').evaluateAll((els) => {
      const drawer = document.querySelector('.workbench__files')?.getBoundingClientRect();
      return els
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent,
            inside:
              drawer !== undefined && r.left >= drawer.left && r.right <= drawer.right + 0.5 && r.right <= innerWidth,
            cut: el.scrollWidth > el.clientWidth + 1,
          };
        });
    });
    expect(badges.length).toBeGreaterThan(5);
    expect(badges.filter((b) => !b.inside || b.cut)).toEqual([]);
    // Nothing in the workbench makes the page scroll sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // Picking a file closes the drawer and opens the file.
    await page.locator('[role="treeitem"][data-path="README.md"]').click();
    await showsFile(page, 'README.md');
    await expect(page.locator('[role="tree"]').isVisible()).resolves.toBe(false);
    await expect(toggle.textContent()).resolves.toBe('Files: README.md');
    // Escape closes it too, back on its button.
    await toggle.click();
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-files-toggle'))).resolves.toBe(true);
  });
});

describe('workbench focus and status', () => {
  it('Start puts the keyboard in the editor', async () => {
    const page = await newPage();
    await page.goto(url(LESSON));
    const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
    await start.focus();
    await page.keyboard.press('Enter');
    await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.workbench__editor .monaco-editor'))))
      .toBe(true);
  });

  it('a lesson with an exercise has a "Skip to the exercise" link that lands on it', async () => {
    const page = await newPage();
    await page.goto(url(LESSON));
    await page.keyboard.press('Tab'); // Skip to content
    await page.keyboard.press('Tab');
    const link = page.locator(':focus');
    await expect(link.textContent()).resolves.toMatch(/Skip to the exercise/);
    await expect(link.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#exercise-${SLUG}`);
    await expect(page.locator(`#exercise-${SLUG}`).textContent()).resolves.toMatch(/\w/);
    // A lesson page without an exercise would not have it; every page has the skip to content.
    await page.goto(url('/'));
    await expect(page.locator('.skip-link').allTextContents()).resolves.toEqual(['Skip to content']);
  });

  it('an exercise the worker grades in full never shows "Starting Node…" or network advice, even when the boot fails', async () => {
    const page = await newPage();
    // Every text the engine line ever shows, from the start.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { engineTexts: string[] }).engineTexts = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-engine-status]');
        if (el?.textContent) seen.push(el.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    // payment-charge is `engine: auto`: its container boots, and on this machine without network times out.
    await openExercise(page, '/lessons/failure-first-payment-service/', 'payment-charge');
    await page
      .locator('[data-engine-status][data-phase="unavailable"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
    await expect(page.evaluate(() => (window as unknown as { engineTexts: string[] }).engineTexts)).resolves.toEqual(
      [],
    );
    await expect(page.locator('.workbench__engine').isVisible()).resolves.toBe(false);
    await expect(page.locator('.workbench').textContent()).resolves.not.toMatch(/Starting Node|StackBlitz/);
  }, 120_000);
});

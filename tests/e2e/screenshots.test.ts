import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';
import { seededProgress } from './seeded-progress.ts';

const { newPage, url } = useBrowser();

/** Where the screenshots go: stable names, gitignored (test-results/), overwritten on every run. */
export const SCREENSHOTS = 'test-results/screenshots';

/** One page of each type. The exercise page is a lesson with its workbench started. */
const PAGES: { name: string; path: string; exercise?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'track', path: '/tracks/code-quality/' },
  { name: 'lesson', path: '/lessons/lint-for-bugs/' },
  { name: 'exercise', path: '/lessons/failure-first-payment-service/', exercise: 'payment-charge' },
  { name: 'progress', path: '/progress/' },
  { name: 'search', path: '/search/?q=mutants' },
  { name: 'team', path: '/team/' },
  { name: 'team-join', path: '/team/join/' },
  { name: 'team-admin', path: '/team/admin/' },
  { name: 'team-reset', path: '/team/reset/' },
  { name: '404', path: '/no-such-page/' },
];
const WIDTHS = [1366, 390] as const;
const THEMES = ['light', 'dark'] as const;

/**
 * Text the learner cannot read in full: an element that clips its overflow (hidden, clip, ellipsis) while
 * its content is wider or taller than its box, and any visible element running past the viewport's right
 * edge outside a scrolling container. The editor draws its own viewport and screen-reader-only text is
 * meant to be clipped, so both are left out.
 */
function findClipped(): string[] {
  const found: string[] = [];
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
  const skip = (el: Element) =>
    el.closest('.monaco-editor, .visually-hidden, [hidden], dialog:not([open]), .solution-diff') !== null;
  const scrolls = (el: Element): boolean => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll'].includes(s.overflowX)) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (skip(el) || !(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    const clipsX = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    const clipsY = ['hidden', 'clip'].includes(style.overflowY);
    if (hasText || el.children.length > 0) {
      if (clipsX && el.scrollWidth > el.clientWidth + 1) found.push(`clipped sideways: ${describe(el)}`);
      if (clipsY && el.scrollHeight > el.clientHeight + 1) found.push(`clipped below: ${describe(el)}`);
    }
    if (hasText && !scrolls(el) && el.getBoundingClientRect().right > window.innerWidth + 1)
      found.push(`past the right edge: ${describe(el)}`);
  }
  return found;
}

async function settle(page: Page, exercise: string | undefined): Promise<void> {
  if (exercise) {
    await page.locator(`craftpath-exercise[data-slug="${exercise}"] [data-start]`).click();
    await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ timeout: 30_000 });
    await page.locator(`[data-exercise="${exercise}"]`).scrollIntoViewIfNeeded();
  }
  if (page.url().includes('/search/')) await page.locator('.search-result, [data-search-status]').first().waitFor();
  if (page.url().includes('/progress/')) await page.locator('#review [data-card]').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

describe('every page type at 1366 and 390 px, in both themes', () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  it('the clipped-text check finds clipped and overflowing text', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/'));
    await page.evaluate(() => {
      const clipped = Object.assign(document.createElement('p'), { textContent: 'a label far too long for its box' });
      Object.assign(clipped.style, { width: '4rem', overflow: 'hidden', whiteSpace: 'nowrap' });
      const wide = Object.assign(document.createElement('p'), { textContent: 'wide' });
      Object.assign(wide.style, { width: '900px' });
      document.querySelector('main')?.append(clipped, wide);
    });
    const found = await page.evaluate(findClipped);
    expect(found.some((f) => f.startsWith('clipped sideways: p'))).toBe(true);
    expect(found.some((f) => f.startsWith('past the right edge: p'))).toBe(true);
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`${theme}, ${width} px: no sideways scrolling, no clipped text; screenshots written`, async () => {
        const page = await newPage();
        await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
        const progress = seededProgress();
        await page.addInitScript(
          ([t, p]) => {
            // Init scripts run in every frame; the sandbox frame has no storage (its origin is opaque).
            if (window !== window.top) return;
            localStorage.setItem('craftpath-theme', t);
            if (!localStorage.getItem('craftpath:progress')) localStorage.setItem('craftpath:progress', p);
          },
          [theme, progress] as const,
        );
        const problems: string[] = [];
        for (const { name, path, exercise } of PAGES) {
          await page.goto(url(path));
          await settle(page, exercise);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${name}: ${overflow}px of sideways scrolling`);
          problems.push(...(await page.evaluate(findClipped)).map((p) => `${name}: ${p}`));
          await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}-${theme}.png`, fullPage: true });
        }
        expect(problems).toEqual([]);
      });
    }
  }
});

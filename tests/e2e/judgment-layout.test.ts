import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

const REVIEW_LESSON = '/lessons/impact-focused-code-review/';
const REVIEW = 'review-rate-limiter-pr';

async function openJudgment(page: Page, lesson: string, slug: string): Promise<Locator> {
  await page.goto(url(lesson));
  const exercise = page.locator(`craftpath-exercise[data-slug="${slug}"]`);
  const start = exercise.locator('[data-start]');
  if (await start.count()) await start.click().catch(() => undefined); // may already be starting on scroll
  await exercise.locator('.judgment[data-ready]').waitFor({ state: 'visible', timeout: 30_000 });
  return exercise;
}

/** The fix workbench's handle, through the exercise element's judgment handle. */
function fixCall<T>(page: Page, call: string, ...args: string[]): Promise<T> {
  return page.evaluate(
    async ([slug, name, ...rest]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
        workbench: Promise<{ fix(): Promise<Record<string, (...a: string[]) => unknown>> | undefined }>;
      };
      const fix = await (await el.workbench).fix();
      if (!fix) throw new Error('the fix workbench is not open');
      return (await fix[name as string]?.(...(rest as string[]))) as T;
    },
    [REVIEW, call, ...args],
  );
}

describe('judgment briefs', () => {
  it('the decision brief is rendered Markdown: its load test is a table, in the lessons’ prose styles', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/caching-with-numbers/', 'cache-decision');
    // Start put the keyboard on the brief, the first thing to read.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches('[data-material]') ?? false))
      .toBe(true);
    const brief = exercise.locator('[data-file="brief.md"]');
    await expect(brief.locator('pre').count()).resolves.toBe(0);
    await expect(brief.locator('.prose table').count()).resolves.toBeGreaterThan(0);
    const headers = await brief.locator('table').first().locator('th').allTextContents();
    expect(headers).toEqual(['option', 'rate (rps)', 'p50 (ms)', 'p99 (ms)']);
    await expect(brief.locator('table td', { hasText: '1,000' }).count()).resolves.toBeGreaterThan(0);
    // Headings sit below the exercise's own (h2, then h3 for hints): the brief's "#" is an h4.
    await expect(brief.locator('h4').first().textContent()).resolves.toMatch(/Cache the product page/);
    await expect(brief.locator('h1, h2').count()).resolves.toBe(0);
  });

  it('in focus mode on a wide screen the brief stays in view beside the form while the form scrolls', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1400, height: 800 });
    const exercise = await openJudgment(page, '/lessons/caching-with-numbers/', 'cache-decision');
    await exercise.locator('[data-focus-toggle]').click();
    const island = exercise.locator('.judgment[data-focus-mode]');
    await expect(island.boundingBox()).resolves.toEqual({ x: 0, y: 0, width: 1400, height: 800 });
    const brief = exercise.locator('.judgment__files');
    const form = exercise.locator('[data-panel="decision"]');
    const [b, f] = [await brief.boundingBox(), await form.boundingBox()];
    expect(b && f && b.x + b.width <= f.x).toBe(true);
    // Scroll the island to its end (the Submit button and the results): the brief is still on screen.
    await island.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => island.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const after = await brief.boundingBox();
    expect(after && after.y >= 0 && after.y < 200).toBe(true);
    await page.keyboard.press('Escape');
    await expect(exercise.locator('.judgment[data-focus-mode]').count()).resolves.toBe(0);
  });
});

describe('the review’s "then fix it" step', () => {
  it('shows every file the fix needs, no false type errors on the reference, and no link to a hidden test', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, REVIEW_LESSON, REVIEW);
    await exercise.locator('[data-submit]').click();
    const fix = exercise.locator('.judgment__fix .workbench[data-ready]');
    await fix.locator('.monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });

    // The editable file and the readonly code it imports; none of the review's own files, no hidden test.
    const files = await fix
      .locator('[role="treeitem"][data-path]')
      .evaluateAll((els) =>
        els.map((el) => `${el.getAttribute('data-path')} ${el.querySelector('[data-badge]:last-child')?.textContent}`),
      );
    expect(files.sort()).toEqual([
      'src/clock.ts read-only',
      'src/quota-client.ts read-only',
      'src/rate-limiter.ts editable',
    ]);

    // The TypeScript service resolves every import: the reference solution has no errors…
    const key = await page.evaluate(
      async (s) => (await (await fetch(`/exercises/${s}.key.json`)).json()) as { solution: Record<string, string> },
      REVIEW,
    );
    const solution = key.solution['src/rate-limiter.ts'] ?? '';
    expect(solution).toContain('idempotencyKey: requestId');
    await fixCall(page, 'setFile', 'src/rate-limiter.ts', solution);
    await expect(fixCall<string[]>(page, 'typeErrors', 'src/rate-limiter.ts')).resolves.toEqual([]);
    await expect(fixCall<string[]>(page, 'typeErrors', 'src/quota-client.ts')).resolves.toEqual([]);
    // …while the same probe does see a real one.
    await fixCall(page, 'setFile', 'src/rate-limiter.ts', `${solution}\nexport const wrong: number = 'text';\n`);
    await expect(fixCall<string[]>(page, 'typeErrors', 'src/rate-limiter.ts')).resolves.toEqual([
      expect.stringMatching(/not assignable to type 'number'/),
    ]);

    // The unfixed code fails the hidden test; the report names it, but links only to files that open.
    const { starter } = await page.evaluate(
      async (s) => (await (await fetch(`/exercises/${s}.json`)).json()) as { starter: Record<string, string> },
      REVIEW,
    );
    await fixCall(page, 'setFile', 'src/rate-limiter.ts', starter['src/rate-limiter.ts'] ?? '');
    await fix.locator('[data-run]').click();
    await expect
      .poll(() => fix.locator('[data-results]').getAttribute('data-verdict'), { timeout: 60_000 })
      .toBe('fail');
    const links = await fix.locator('[data-results] button').allTextContents();
    expect(links.filter((l) => /tests\/|retry-idempotency/.test(l))).toEqual([]);
    await expect(fix.locator('[data-results] .test__failure').first().textContent()).resolves.toMatch(
      /tests\/retry-idempotency\.test\.ts line \d+ \(a hidden test\)/,
    );
    // A worker-only exercise: no WebContainers line at any point.
    await expect(fix.locator('.workbench__engine').isVisible()).resolves.toBe(false);
    await expect(fix.locator('[data-engine-status]').getAttribute('data-phase')).resolves.toBeNull();
  });
});

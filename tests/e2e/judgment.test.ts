import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

/** Starts an exercise with the keyboard (Enter on Start) and waits for the judgment island. */
async function openJudgment(page: Page, lesson: string, slug: string): Promise<Locator> {
  await page.goto(url(lesson));
  const exercise = page.locator(`craftpath-exercise[data-slug="${slug}"]`);
  const start = exercise.locator('[data-start]');
  // Scrolling to it may already have started it; then the button is gone.
  if (await start.count()) {
    await start.focus().catch(() => undefined);
    await page.keyboard.press('Enter').catch(() => undefined);
  }
  await exercise.locator('.judgment[data-ready]').waitFor({ state: 'visible', timeout: 30_000 });
  return exercise;
}

/** Presses Enter on Submit and waits for this submission's report. */
async function submitWithKeyboard(page: Page, exercise: Locator): Promise<string> {
  const results = exercise.locator('[data-judgment] > [data-results]');
  const before = Number((await results.getAttribute('data-runs')) ?? 0);
  await exercise.locator('[data-submit]').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => Number((await results.getAttribute('data-runs')) ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(before);
  // Focus moved to the results, and the outcome was announced.
  await expect(page.evaluate(() => document.activeElement?.matches('[data-judgment] > [data-results]'))).resolves.toBe(
    true,
  );
  await expect(exercise.locator('[data-judgment] > [data-announcer]').textContent()).resolves.toMatch(/^Graded\./);
  return (await results.getAttribute('data-verdict')) ?? '';
}

describe('judgment exercises, by keyboard alone', () => {
  it('review: anchors a labelled comment, keeps it over a reload, submits, shows the scores and reveals the key', async () => {
    const page = await newPage();
    const keyRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.key.json')) keyRequests.push(r.url());
    });
    const exercise = await openJudgment(page, '/lessons/impact-focused-code-review/', 'review-rate-limiter-pr');
    await exercise.locator('.monaco-diff-editor').waitFor({ state: 'visible' });
    // The key is not on the page before submit.
    const bundle = await page.evaluate(async () => (await fetch('/exercises/review-rate-limiter-pr.json')).text());
    expect(bundle).not.toMatch(/not idempotent|circuit breaker/i);

    // Anchor a comment to lines 38–44 of src/rate-limiter.ts: From, To, Label, Blocking, Comment, Add.
    await exercise.locator('[data-from]').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('38');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('44');
    await page.keyboard.press('Tab'); // label: "issue" is the default
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // blocking
    await page.keyboard.press('Tab');
    await page.keyboard.type('consume() is retried but is not idempotent: a lost answer charges the key twice.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const comments = exercise.locator('[data-comments] [data-comment]');
    await expect.poll(() => comments.count()).toBe(1);
    await expect(comments.first().textContent()).resolves.toMatch(/issue\s*blocking\s*src\/rate-limiter\.ts:38–44/);

    // The decision: Tab into the radio group, arrows to "Request changes".
    await exercise.locator('[data-decision] input').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(exercise.locator('[data-decision] input:checked').getAttribute('value')).resolves.toBe(
      'request-changes',
    );

    // Saved like code: a reload keeps the comment and the decision.
    await expect.poll(() => exercise.locator('[data-saved-at]').count()).toBe(1);
    const reopened = await openJudgment(page, '/lessons/impact-focused-code-review/', 'review-rate-limiter-pr');
    await expect.poll(() => reopened.locator('[data-comments] [data-comment]').count()).toBe(1);
    await expect(reopened.locator('[data-decision] input:checked').getAttribute('value')).resolves.toBe(
      'request-changes',
    );
    expect(keyRequests).toEqual([]);

    // Hints open one by one, but the last (closest to the answer) waits for a first submission.
    const nextHint = page.locator('section[data-exercise="review-rate-limiter-pr"] [data-next-hint]');
    for (let i = 0; i < 3; i++) await nextHint.click();
    await expect(nextHint.isDisabled()).resolves.toBe(true);
    await expect(nextHint.textContent()).resolves.toMatch(/last hint opens after your first submission/);
    const verdict = await submitWithKeyboard(page, reopened);
    expect(verdict).toBe('fail'); // one of three blocking defects
    expect(keyRequests).toHaveLength(1);
    const scores = reopened.locator('.judgment__scores');
    await expect(scores.locator('[data-score="blockingRecall"] dd').textContent()).resolves.toBe('33%');
    await expect(scores.locator('[data-score="decision"] dd').textContent()).resolves.toBe('100%');
    await expect(scores.locator('[data-score="falseAlarms"]').textContent()).resolves.toBe('False alarms: 0');
    // Only what was found is explained; the missed defects are counted, not named, so submitting again
    // tests the review rather than copying the report.
    const items = reopened.locator('[data-judgment] > [data-results] .item');
    const firstReport = await items.allTextContents();
    expect(firstReport.some((t) => /^✓ Found: consume\(\) is retried, but it is not idempotent/.test(t))).toBe(true);
    expect(firstReport.some((t) => /Missed: 2 defects the review was asked to find/.test(t))).toBe(true);
    expect(firstReport.join('\n')).not.toMatch(/180 ms|circuit breaker|undocumented|Retry-After/i);

    // The last hint waited for this first submission; now it opens.
    await expect(nextHint.isDisabled()).resolves.toBe(false);
    await nextHint.click();
    await expect(
      page.locator('section[data-exercise="review-rate-limiter-pr"] [data-hints] li:not([hidden])').count(),
    ).resolves.toBe(4);

    // The final submission reveals the whole key, the missed defects with their explanations.
    await reopened.locator('[data-submit-final]').click();
    await expect
      .poll(
        async () =>
          (await items.allTextContents()).some((t) =>
            /Missed: Every request now waits on the quota service.*180 ms p99/s.test(t),
          ),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    await expect(reopened.locator('[data-submit-final]').count()).resolves.toBe(0);

    // Review then fix: the code workbench opens below, and its checks run on the (still unfixed) code.
    const fix = reopened.locator('.judgment__fix .workbench[data-ready]');
    await fix.locator('.monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    await fix.locator('[data-run]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => fix.locator('[data-results]').getAttribute('data-verdict'), { timeout: 60_000 })
      .toBe('fail');
    await expect(fix.locator('[data-check="fix-retry"]').getAttribute('class')).resolves.toMatch(/check--fail/);
  });

  it('review: lines selected in the diff with the keyboard anchor the comment, and Tab leaves the editor for the form', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/impact-focused-code-review/', 'review-rate-limiter-pr');
    await exercise.locator('.monaco-diff-editor').waitFor({ state: 'visible' });
    // Into the changed side of the diff, as Tab would land there, then select lines 30–32 with the keyboard.
    await exercise.locator('.editor.modified .native-edit-context, .editor.modified textarea').first().focus();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 29; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-from'))).resolves.toBe(true);
    await expect(exercise.locator('[data-from]').inputValue()).resolves.toBe('30');
    await expect(exercise.locator('[data-to]').inputValue()).resolves.toBe('32');
  });

  it('decision: fills the matrix, picks an option that meets every constraint, and passes', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/caching-with-numbers/', 'cache-decision');
    // Row by row, as Tab moves: none, db-cache, redis × p50, p99, cost, staleness.
    const figures = ['41', '390', '0', '0', '9', '110', '314', '30', '2.8', '16', '540', '60'];
    await exercise.locator('[data-panel="decision"] input[type="number"]').first().focus();
    for (const [i, value] of figures.entries()) {
      await page.keyboard.type(value);
      if (i < figures.length - 1) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Tab'); // into the radio group, on "No cache"
    await page.keyboard.press('ArrowDown'); // the cache table
    await page.keyboard.press('ArrowDown'); // Redis
    await page.keyboard.press('Tab');
    await page.keyboard.type('Headroom under the SLO at peak.');
    const verdict = await submitWithKeyboard(page, exercise);
    expect(verdict).toBe('pass');
    const scores = exercise.locator('.judgment__scores');
    await expect(scores.locator('[data-score="figures"] dd').textContent()).resolves.toBe('100%');
    await expect(scores.locator('[data-score="constraints"] dd').textContent()).resolves.toBe('100%');
    await expect(exercise.locator('[data-judgment] > [data-results]').textContent()).resolves.toMatch(
      /the 2,000 rps run is the one/,
    );
  });

  it('impact: marks the consumers that break, is scored by precision and recall, and may not miss the worst', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/what-would-break/', 'nullable-field-impact');
    // The first five consumers break; Space ticks, Tab moves on.
    await exercise.locator('[data-panel="impact"] input').first().focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
    // Leave the merchant payouts out: recall is 80%, but the consumer that breaks worst may not be missed.
    const verdict = await submitWithKeyboard(page, exercise);
    expect(verdict).toBe('fail');
    const scores = exercise.locator('.judgment__scores');
    await expect(scores.locator('[data-score="precision"] dd').textContent()).resolves.toBe('100%');
    await expect(scores.locator('[data-score="recall"] dd').textContent()).resolves.toBe('80%');
    const results = exercise.locator('[data-judgment] > [data-results]');
    await expect(results.textContent()).resolves.toMatch(/You missed the consumer that breaks worst/);
    await expect(results.textContent()).resolves.not.toMatch(/merchant payouts/);
    // Tick it (the fifth box) and submit again: now it passes.
    await exercise.locator('[data-panel="impact"] input').nth(4).focus();
    await page.keyboard.press('Space');
    await expect(submitWithKeyboard(page, exercise)).resolves.toBe('pass');
  });

  it('capstone: the code comes first, the ADR is in its tree, and the follow-up review is graded on submit', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/incident-to-decision/', 'capstone-retry-storm');
    const code = exercise.locator('.judgment__fix .workbench[data-ready]');
    await code.locator('.monaco-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
    await expect(
      code.locator('[role="treeitem"][data-path="docs/adr/0012-retry-bank-calls-in-the-adapter.md"]').count(),
    ).resolves.toBe(1);
    // The workbench sits above the review form, which reviews the teammate's pull request.
    const order = await exercise.evaluate((el) => {
      const fix = el.querySelector('.judgment__fix');
      const review = el.querySelector('[data-panel="review"]');
      return fix && review ? fix.compareDocumentPosition(review) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeGreaterThan(0);
    await expect(submitWithKeyboard(page, exercise)).resolves.toBe('fail');
    await expect(exercise.locator('[data-judgment] > [data-results]').textContent()).resolves.toMatch(
      /Found 0 of 2 blocking defects/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();
const LESSON = 'failure-first-payment-service';
const SLUG = 'payment-charge';
const DAY = 86_400_000;

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(`/lessons/${LESSON}/`));
  await page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`).click();
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ timeout: 30_000 });
}

/** Runs the checks and waits for the given run's verdict. */
async function runChecks(page: Page, run: number): Promise<string | null> {
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-results]')?.getAttribute('data-runs') === String(n),
    run,
    {
      timeout: 60_000,
    },
  );
  return page.locator('[data-results]').getAttribute('data-verdict');
}

async function pasteSolution(page: Page): Promise<void> {
  await page.evaluate(async (slug) => {
    const bundle = (await (await fetch(`/exercises/${slug}.json`)).json()) as { solution: Record<string, string> };
    const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
      workbench: Promise<{ setFile(p: string, t: string): void }>;
    };
    const wb = await el.workbench;
    for (const [path, text] of Object.entries(bundle.solution)) wb.setFile(path, text);
  }, SLUG);
}

const field = (page: Page, name: string) => page.locator(`[data-exercise-row="${SLUG}"] [data-field="${name}"]`);

describe('the progress page and the review queue', () => {
  it('shows every fact of an exercise passed after a failed attempt and a hint, and brings its mistakes back on spaced days', async () => {
    const page = await newPage();
    await openExercise(page);
    // First attempt: the starter fails; then a hint.
    await expect(runChecks(page, 1)).resolves.toBe('fail');
    await page.locator(`[data-exercise="${SLUG}"] [data-next-hint]`).click();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('craftpath:progress') ?? ''))
      .toContain('"hintsUsed":1');

    // The failed attempt is on the progress page with the checks still failing.
    await page.goto(url('/progress/'));
    await expect(field(page, 'state').textContent()).resolves.toBe('Started');
    await expect(field(page, 'failing').textContent()).resolves.toMatch(/charge\(\) handles every bank outcome/);

    // Look at the solution, then pass.
    await openExercise(page);
    await page.locator('[data-solution]').click();
    await page.keyboard.press('Escape');
    await pasteSolution(page);
    await expect(runChecks(page, 1)).resolves.toBe('pass');

    await page.goto(url('/progress/'));
    await expect(field(page, 'state').textContent()).resolves.toBe('Passed');
    await expect(field(page, 'attempts').textContent()).resolves.toBe('2');
    const first = await field(page, 'first').locator('time').getAttribute('datetime');
    const last = await field(page, 'last').locator('time').getAttribute('datetime');
    expect(Date.parse(first ?? '')).toBeLessThan(Date.parse(last ?? ''));
    await expect(field(page, 'hints').textContent()).resolves.toMatch(/^1 of \d+$/);
    await expect(field(page, 'solution').textContent()).resolves.toBe('Yes, before passing');
    await expect(field(page, 'failing').textContent()).resolves.toBe('Nothing');
    // Every other exercise is listed too, not started.
    await expect(page.locator('[data-exercise-row="lint-gate"] [data-field="state"]').textContent()).resolves.toBe(
      'Not started',
    );
    // The skill view groups it under the practice it trains.
    const skill = page.locator('[data-skill="meaningful-tests"]');
    await expect(skill.locator(`[data-skill-exercise="${SLUG}"]`).getAttribute('data-state')).resolves.toBe('passed');
    await expect(skill.locator('[data-skill-summary]').textContent()).resolves.toMatch(/^1 of \d+ exercises passed$/);
    // Fixed today, so nothing is due yet.
    await expect(page.locator('#review [data-review-status]').textContent()).resolves.toMatch(
      /^No card is due today\./,
    );
    await expect(page.locator('#review [data-card]').count()).resolves.toBe(0);

    // "Continue" goes to the next unfinished step, not back to the lesson just finished.
    await page.goto(url('/'));
    await expect(page.locator('[data-continue] a').getAttribute('href')).resolves.toMatch(
      /^\/lessons\/fakes-over-mocks\/#exercise-refund-fakes-contract$/,
    );
    await expect(page.locator('#review-due').isHidden()).resolves.toBe(true);

    // A day and an hour later the fixed mistakes are due, on the home page and on the progress page.
    const passedAt = Date.parse(last ?? '');
    const tomorrow = passedAt + DAY + 3_600_000;
    await page.clock.setFixedTime(tomorrow);
    await page.reload();
    await page.locator('#review-due [data-card]').first().waitFor();
    await page.goto(url('/progress/'));
    const card = page.locator('#review [data-card]').first();
    await card.waitFor();
    await expect(card.locator('.eyebrow').textContent()).resolves.toMatch(/scenario failed|mutant survived/);
    const id = await card.getAttribute('data-card');
    // The principle and the link appear only once asked for: the learner tries to recall it first.
    await expect(card.locator('[data-card-link]').isVisible()).resolves.toBe(false);
    await card.locator('[data-card-show]').click();
    await expect(card.locator('[data-card-link]').getAttribute('href')).resolves.toMatch(
      new RegExp(`^/lessons/${LESSON}/\\?exercise=${SLUG}&check=[a-z-]+#exercise-${SLUG}$`),
    );
    await card.locator('[data-card-correct]').click();
    await expect(card.locator('[data-card-outcome]').textContent()).resolves.toBe('Next review in 3 days.');
    const stored = await page.evaluate(
      (cardId) =>
        (
          JSON.parse(localStorage.getItem('craftpath:progress') ?? '{}') as {
            reviews: Record<string, { step: number; dueAt: string }>;
          }
        ).reviews[cardId],
      id ?? '',
    );
    expect(stored?.step).toBe(1);
    expect(Date.parse(stored?.dueAt ?? '')).toBe(tomorrow + 3 * DAY);

    // Answered: not due two days on; due again after its three days.
    await page.clock.setFixedTime(tomorrow + 2 * DAY);
    await page.reload();
    await page.locator('#review [data-review-status]').waitFor();
    await expect(page.locator(`#review [data-card="${id}"]`).count()).resolves.toBe(0);
    await page.clock.setFixedTime(tomorrow + 3 * DAY + 60_000);
    await page.reload();
    await page.locator(`#review [data-card="${id}"]`).waitFor();
  });
});

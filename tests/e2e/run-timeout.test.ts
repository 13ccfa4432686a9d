import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';
import { useBrowser } from './browser.ts';

/**
 * A run that hits the time limit part-way, in the real workbench and sandboxed worker: the results that
 * had finished stay on screen, only the test that was running is marked as timed out, by name, and the
 * page goes on working with a fresh worker.
 */

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const SUBJECT = 'src/charge.ts';
const SOLUTION = readFileSync(`exercises/${SLUG}/solution/${SUBJECT}`, 'utf8');
const DECLINE = "if (reply.outcome === 'declined') return";
// Correct code except that a declined charge never returns: the "approved" scenario finishes first.
const LOOPS_ON_DECLINE = SOLUTION.replace(DECLINE, `if (reply.outcome === 'declined') for (;;) {}\n  ${DECLINE}`);

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });
}

/** Pastes the file (as a learner would) and presses Run; the report the results panel shows. */
async function runWith(page: Page, text: string): Promise<CheckReport | undefined> {
  return page.evaluate(
    async ([slug, path, source]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
        workbench: Promise<{ setFile(p: string, t: string): void; run(): Promise<CheckReport | undefined> }>;
      };
      const workbench = await el.workbench;
      workbench.setFile(path as string, source as string);
      return workbench.run();
    },
    [SLUG, SUBJECT, text] as const,
  );
}

describe('a run stopped at its time limit', () => {
  it('keeps the finished results visible, names the test that hung, and the next run works', async () => {
    expect(LOOPS_ON_DECLINE).not.toBe(SOLUTION);
    const page = await newPage();
    await openExercise(page);
    const hung = await runWith(page, LOOPS_ON_DECLINE);
    expect(hung?.verdict).toBe('timeout');

    const scenarios = page.locator('[data-results] [data-check="scenarios"]');
    await expect(scenarios.locator('.test[data-status="pass"]').innerText()).resolves.toMatch(
      /approved › returns Approved/,
    );
    const stuck = scenarios.locator('.test[data-status="timeout"]');
    await expect(stuck.count()).resolves.toBe(1);
    await expect(stuck.innerText()).resolves.toMatch(/declined › returns Declined[\s\S]*still running/);
    await expect(scenarios.locator('summary').innerText()).resolves.toMatch(
      /Running when stopped: "declined > returns Declined.*1 test had finished \(1 pass\)/,
    );
    await expect(page.locator('[data-results] [data-check="your-tests"] summary').innerText()).resolves.toMatch(
      /Not run/,
    );

    // The stuck worker was killed and replaced: the fixed code runs every scenario.
    const fixed = await runWith(page, SOLUTION);
    expect(fixed?.checks[0]).toMatchObject({ id: 'scenarios', status: 'pass' });
    await expect(scenarios.locator('.test[data-status="timeout"]').count()).resolves.toBe(0);
  }, 180_000);
});

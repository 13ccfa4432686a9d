import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

async function openJudgment(page: Page, lesson: string, slug: string): Promise<Locator> {
  await page.goto(url(lesson));
  const exercise = page.locator(`craftpath-exercise[data-slug="${slug}"]`);
  const start = exercise.locator('[data-start]');
  if (await start.count()) await start.click().catch(() => undefined);
  await exercise.locator('.judgment[data-ready]').waitFor({ state: 'visible', timeout: 30_000 });
  return exercise;
}

async function submit(exercise: Locator): Promise<string> {
  const results = exercise.locator('[data-judgment] > [data-results]');
  const before = Number((await results.getAttribute('data-runs')) ?? 0);
  await exercise.locator('[data-submit]').click();
  await expect
    .poll(async () => Number((await results.getAttribute('data-runs')) ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(before);
  return (await results.getAttribute('data-verdict')) ?? '';
}

/** The nine calls of the dependency exercise: decision, reason, confidence. */
const calls: [string, string, string, string][] = [
  ['http-retry', 'approve', 'verified-small-change', '0.9'],
  ['color-log', 'request-changes', 'new-install-script', '0.9'],
  ['stream-merge', 'request-changes', 'new-unvetted-dependency', '0.9'],
  ['schema-guard', 'request-changes', 'breaking-change-we-use', '0.9'],
  ['sql-ident', 'approve', 'fixes-our-vulnerability', '0.9'],
  ['date-tools', 'request-changes', 'lockfile-source-changed', '0.9'],
  ['compress-fast', 'request-changes', 'artifact-differs-from-source', '0.8'],
  ['crossenv', 'request-changes', 'typosquat', '0.9'],
  // Wrong on purpose, and sure of it: the curve must show a miss at 100%.
  ['fast-bundle', 'request-changes', 'new-install-script', '1'],
];

describe('calibration and critique exercises', () => {
  it('calibration: calls with a confidence are graded by the Brier score, and the curve is drawn with a table', async () => {
    const page = await newPage();
    const exercise = await openJudgment(page, '/lessons/dependencies-are-code-you-run/', 'dependency-upgrade-calls');
    // The key's explanations are not in the page's bundle before submit.
    const bundle = await page.evaluate(async () => (await fetch('/exercises/dependency-upgrade-calls.json')).text());
    expect(bundle).not.toMatch(/event-stream pattern/);

    for (const [item, decision, reason, confidence] of calls) {
      const fieldset = exercise.locator(`fieldset[data-item="${item}"]`);
      await fieldset.locator(`input[type="radio"][value="${decision}"]`).check();
      // Native selects, reached by their labels.
      await fieldset.getByLabel('Reason').selectOption(reason);
      await fieldset.getByLabel('Confidence that your decision is right').selectOption(confidence);
    }
    // One sure miss out of nine: (7 × 0.01 + 0.04 + 1) / 9 ≈ 0.123, over the 0.10 bar.
    expect(await submit(exercise)).toBe('fail');
    const curve = exercise.locator('[data-calibration]');
    await expect(curve.locator('[data-brier]').textContent()).resolves.toMatch(
      /^Brier score 0\.123 \(the bar is 0\.100/,
    );
    await expect(curve.locator('tr[data-bin="1"] td').allTextContents()).resolves.toEqual(['1', '0', '0%']);
    await expect(curve.locator('tr[data-bin="0.9"] td').allTextContents()).resolves.toEqual(['7', '7', '100%']);
    await expect(curve.locator('svg.judgment__chart circle').count()).resolves.toBe(3);
    // The explanation of the miss is revealed.
    await expect(exercise.locator('[data-judgment] > [data-results]').textContent()).resolves.toMatch(
      /unchanged for 40 releases/,
    );

    // Fixing the call (approve, with a little doubt) passes, and the answers survive a reload.
    const last = exercise.locator('fieldset[data-item="fast-bundle"]');
    await last.locator('input[value="approve"]').check();
    await last.getByLabel('Reason').selectOption('verified-small-change');
    await last.getByLabel('Confidence that your decision is right').selectOption('0.8');
    expect(await submit(exercise)).toBe('pass');
    const reopened = await openJudgment(page, '/lessons/dependencies-are-code-you-run/', 'dependency-upgrade-calls');
    await expect(
      reopened.locator('fieldset[data-item="fast-bundle"] input[value="approve"]').isChecked(),
    ).resolves.toBe(true);
  });

  it('critique: marks by section and defect type are scored by precision and recall', async () => {
    const page = await newPage();
    const exercise = await openJudgment(
      page,
      '/lessons/design-documents-that-get-decisions-made/',
      'design-doc-critique',
    );
    const tick = async (anchor: string, type: string): Promise<void> => {
      await exercise.locator(`fieldset[data-anchor="${anchor}"]`).getByLabel(type).check();
    };
    await tick('status', 'Stale status: it no longer says where the work is');
    await tick('load-claim', 'A figure with no source, or one its own data contradicts');
    await tick('alternatives', 'No alternatives considered');
    await tick('rollout', 'No rollback plan or staged rollout');
    // A false alarm on the well-sourced context section.
    await tick('context', 'A figure with no source, or one its own data contradicts');
    expect(await submit(exercise)).toBe('fail');
    const scores = exercise.locator('.judgment__scores');
    await expect(scores.locator('[data-score="precision"] dd').textContent()).resolves.toBe('80%');
    await expect(scores.locator('[data-score="recall"] dd').textContent()).resolves.toBe('57%');
    await expect(exercise.locator('[data-judgment] > [data-results]').textContent()).resolves.toMatch(
      /each name their source and period/,
    );
  });
});

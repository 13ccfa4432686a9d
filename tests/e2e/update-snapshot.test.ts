import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';
import { useBrowser } from './browser.ts';

/**
 * "Update snapshot" in the real workbench, on an exercise whose tests the learner writes: the empty inline
 * snapshot of the learner's test is written into the editor, the next run passes with nothing to update,
 * and Ctrl+Z takes the edit back.
 */

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const LEARNER_TESTS = 'src/charge.test.ts';
const WITH_EMPTY_SNAPSHOT = [
  "import { expect, it } from 'vitest';",
  '',
  "it('snapshots a total', () => {",
  '  expect({ total: 1 + 1 }).toMatchInlineSnapshot();',
  '});',
  '',
].join('\n');
const WITH_SNAPSHOT = WITH_EMPTY_SNAPSHOT.replace(
  'toMatchInlineSnapshot()',
  'toMatchInlineSnapshot(`\n    {\n      "total": 2,\n    }\n  `)',
);

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });
}

/** The workbench's programmatic handle: set a file as a paste would, read one back, press Run. */
function workbench(page: Page) {
  const call = <T>(method: 'setFile' | 'getFile' | 'run', ...args: string[]): Promise<T> =>
    page.evaluate(
      async ([slug, name, ...rest]) => {
        const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
          workbench: Promise<Record<string, (...a: string[]) => unknown>>;
        };
        const handle = await el.workbench;
        return (await handle[name as string]?.(...(rest as string[]))) as T;
      },
      [SLUG, method, ...args] as const,
    );
  return {
    setFile: (path: string, text: string) => call<undefined>('setFile', path, text),
    getFile: (path: string) => call<string | undefined>('getFile', path),
    run: () => call<CheckReport | undefined>('run'),
  };
}

describe('Update snapshot', () => {
  it('writes the learner’s empty inline snapshot into the editor, undoably', async () => {
    const page = await newPage();
    await openExercise(page);
    const bench = workbench(page);
    await bench.setFile(LEARNER_TESTS, WITH_EMPTY_SNAPSHOT);
    const first = await bench.run();
    const learnerTests = first?.checks.find((c) => c.id === 'your-tests')?.tests ?? [];
    expect(learnerTests[0]?.snapshots?.[0]).toMatchObject({ kind: 'inline', file: LEARNER_TESTS, line: 4 });

    const button = page.locator('[data-results] [data-check="your-tests"] [data-update-snapshot]');
    await expect(button.count()).resolves.toBe(1);
    // The hidden scenarios are never offered an update.
    await expect(page.locator('[data-results] [data-check="scenarios"] [data-update-snapshot]').count()).resolves.toBe(
      0,
    );
    await button.click();
    await expect(bench.getFile(LEARNER_TESTS)).resolves.toBe(WITH_SNAPSHOT);
    await expect(button.innerText()).resolves.toMatch(/run the checks again/i);

    const second = await bench.run();
    const again = second?.checks.find((c) => c.id === 'your-tests')?.tests ?? [];
    expect(again[0]).toMatchObject({ name: 'snapshots a total', status: 'pass' });
    expect(again[0]?.snapshots).toBeUndefined();
    await expect(page.locator('[data-results] [data-update-snapshot]').count()).resolves.toBe(0);

    // The update was an ordinary edit: Ctrl+Z in the editor takes it back.
    // The update brought the learner's file up in the editor, where the call is.
    await page.locator(`.workbench__editor[data-open-file="${LEARNER_TESTS}"]`).waitFor();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+z');
    await expect(bench.getFile(LEARNER_TESTS)).resolves.toBe(WITH_EMPTY_SNAPSHOT);
  }, 180_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';

const { newPage, url } = useBrowser();

/**
 * Type-aware checks in the browser engine: lint-gate (whose lesson teaches floating promises) reports a
 * floating promise and a type error from inside the sandboxed worker; an exercise without type-aware
 * checks never downloads the TypeScript payload (docs/adr/0010).
 */

/** The built payload's file name: the chunk of the virtual module `virtual:craftpath/type-kit-source`. */
function typeKitChunk(): string {
  const dir = join('dist', '_astro');
  const name = readdirSync(dir).find(
    (file) =>
      file.startsWith('type-kit-source.') && readFileSync(join(dir, file), 'utf8').includes('typescript-eslint'),
  );
  if (name === undefined) throw new Error('No type kit chunk in dist/_astro');
  return name;
}

async function start(page: Page, lesson: string, slug: string): Promise<string[]> {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(url(lesson));
  const startButton = page.locator(`craftpath-exercise[data-slug="${slug}"] [data-start]`);
  if (await startButton.count()) await startButton.click().catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
  return requested;
}

async function setFile(page: Page, slug: string, path: string, text: string): Promise<void> {
  await page.evaluate(
    async ([s, p, t]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
        workbench: Promise<{ setFile(p: string, t: string): void }>;
      };
      (await el.workbench).setFile(p as string, t as string);
    },
    [slug, path, text],
  );
}

async function run(page: Page): Promise<void> {
  const results = page.locator('[data-results]');
  const before = Number((await results.getAttribute('data-runs')) ?? 0);
  await page.locator('[data-run]').click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-results]')?.getAttribute('data-runs') ?? 0) > n,
    before,
    { timeout: 90_000 },
  );
}

const SOLUTION = 'exercises/lint-gate/solution';

describe('type-aware checks in the browser engine', () => {
  it('lint-gate reports a floating promise and a type error, as tsc and typescript-eslint word them', async () => {
    const page = await newPage();
    const requested = await start(page, '/lessons/lint-for-bugs/', 'lint-gate');
    await setFile(page, 'lint-gate', 'eslint.config.js', readFileSync(join(SOLUTION, 'eslint.config.js'), 'utf8'));
    const checkout = readFileSync(join(SOLUTION, 'src/checkout.ts'), 'utf8')
      .replace("} else if (coupon?.kind === 'fixed') {", "} else if (coupon?.kind !== 'percent') {")
      .replace('return Math.max(totalCents, 0);', 'audit(totalCents);\n  return Math.max(totalCents, 0);')
      .concat(
        '\nasync function audit(cents: number): Promise<void> {\n  if (cents < 0) throw new Error("negative");\n}\n',
      );
    await setFile(page, 'lint-gate', 'src/checkout.ts', checkout);
    await run(page);
    const results = page.locator('[data-results]');
    const gate = await results.locator('[data-check="gate"]').textContent();
    expect(gate).toContain('@typescript-eslint/no-floating-promises');
    expect(gate).toMatch(/src\/checkout\.ts:\d+:3/);
    const types = await results.locator('[data-check="checkout-types"]').textContent();
    expect(types).toContain('src/checkout.ts:15:19 - error TS18048');
    expect(types).toContain("'coupon' is possibly 'undefined'.");
    expect(requested.some((u) => u.endsWith(typeKitChunk()))).toBe(true);
  }, 120_000);

  it('an exercise without type-aware checks never downloads the TypeScript payload', async () => {
    const page = await newPage();
    const requested = await start(page, '/lessons/failure-first-payment-service/', 'payment-charge');
    await run(page);
    const chunk = typeKitChunk();
    expect(requested.filter((u) => u.endsWith(chunk))).toEqual([]);
    // The run really went through the worker engine, which would have asked for the payload if it needed it.
    await expect(page.locator('[data-results]').getAttribute('data-verdict')).resolves.toMatch(/pass|fail/);
  }, 120_000);
});

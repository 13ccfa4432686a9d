import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

// axe-core's browser bundle as text, injected into each page (its Node entry needs a DOM).
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Per rule: what it asks, then where, each distinct reason once; a page of code tokens stays readable. */
export function describeViolations(violations: Result[]): string {
  const MAX_TARGETS = 8;
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.join(' '));
      const reasons = [...new Set(v.nodes.map((n) => (n.failureSummary ?? '').replace(/\s+/g, ' ').trim()))];
      return [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...targets.slice(0, MAX_TARGETS).map((t) => `    at ${t}`),
        ...(targets.length > MAX_TARGETS ? [`    … and ${targets.length - MAX_TARGETS} more`] : []),
        ...reasons.slice(0, MAX_TARGETS).map((r) => `    why: ${r}`),
      ].join('\n');
    })
    .join('\n');
}

export async function axe(page: Page, exclude: string[] = []): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (context) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(context, {
        resultTypes: ['violations'],
      }),
    { include: [['html']], exclude: exclude.map((s) => [s]) },
  );
  return results.violations;
}

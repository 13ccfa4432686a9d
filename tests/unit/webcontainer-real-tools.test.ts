import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';
import { solutionFiles, visibleStarter } from '../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { ensureInstalled } from '../../src/runtime/engines/webcontainer/install.ts';
import { WebContainerToolchain } from '../../src/runtime/engines/webcontainer/webcontainer-toolchain.ts';
import { NodeSandbox } from './support/node-sandbox.ts';

/**
 * The WebContainer engine's commands, files and parsing against the real ESLint and Vitest (through a
 * Sandbox over a real folder, not a WebContainer): its reports must match the Node engine's, test by
 * test and rule by rule. What only a real WebContainer does is not covered here (README, "WebContainers").
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

async function sandbox(): Promise<NodeSandbox> {
  const dir = await mkdtemp(join(ROOT, '.cache', 'wc-'));
  folders.push(dir);
  const box = new NodeSandbox(dir);
  await ensureInstalled(box, { expected: [] });
  return box;
}

/** What must agree between engines; durations and timestamps may not. */
function verdicts(report: CheckReport) {
  return report.checks.map((c) => ({
    id: c.id,
    status: c.status,
    lint: c.lint?.map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}`),
    tests: c.tests?.map((t) => `${t.file} ${[...t.suite, t.name].join(' > ')}: ${t.status}`),
    items: c.items?.map((i) => `${i.id}: ${i.status}`),
  }));
}

describe('WebContainer toolchain on the real tools', () => {
  it.each([
    ['lint-gate', 'starter'],
    ['refund-mutation-tests', 'solution'],
  ] as const)(
    '%s (%s) grades like the Node engine',
    async (slug, which) => {
      const { bundle } = await loadExercise(join(ROOT, 'exercises'), slug);
      const files = which === 'starter' ? visibleStarter(bundle) : solutionFiles(bundle);
      const timeoutMs = 60_000;
      const container = await runChecks(bundle, files, new WebContainerToolchain(await sandbox()), { timeoutMs });
      const node = await runChecks(bundle, files, new NodeToolchain(), { timeoutMs });
      expect(container.engine).toBe('webcontainer');
      expect(container.verdict).toBe(which === 'starter' ? 'fail' : 'pass');
      expect(verdicts(container)).toEqual(verdicts(node));
      expect(
        container.checks.every((c) => c.status !== 'error'),
        JSON.stringify(container.checks.map((c) => c.summary)),
      ).toBe(true);
    },
    120_000,
  );

  it('runs the real tsc for a typecheck and words its diagnostics as the in-memory program does', async () => {
    const { bundle } = await loadExercise(join(ROOT, 'exercises'), 'lint-gate');
    const wrong = bundle.meta.wrongSolutions.find((w) => w.id === 'fixed-coupon-in-plain-else');
    if (!wrong) throw new Error('lint-gate lost its wrong solution fixed-coupon-in-plain-else');
    const only = {
      ...bundle,
      meta: { ...bundle.meta, checks: bundle.meta.checks.filter((c) => c.kind === 'typecheck') },
    };
    const files = wrongSolutionFiles(bundle, wrong);
    const container = await runChecks(only, files, new WebContainerToolchain(await sandbox()), { timeoutMs: 60_000 });
    const node = await runChecks(only, files, new NodeToolchain(), { timeoutMs: 60_000 });
    const items = (report: CheckReport) =>
      report.checks.flatMap((c) => (c.items ?? []).map((i) => `${i.label}: ${i.message}`));
    expect(items(container)).toEqual(items(node));
    expect(items(container)).toContain("src/checkout.ts:15:19 - error TS18048: 'coupon' is possibly 'undefined'.");
  }, 120_000);
});

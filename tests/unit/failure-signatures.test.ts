import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/runtime/engines/node/node-engine.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { revealedSignatures } from '../../src/runtime/grading/revealed-signatures.ts';
import { failureSignatures } from '../../src/runtime/report/failure-signatures.ts';

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));
const load = async (slug: string) => (await loadExercise(EXERCISES, slug)).bundle;
const engine = new NodeEngine(load);

describe('failure signatures of real reports (Node engine)', () => {
  it('names the failing hidden test of a wrong solution by its full name, and nothing for the solution', async () => {
    const bundle = await load('payment-charge');
    const wrong = bundle.meta.wrongSolutions.find((w) => w.id === 'retries-timeouts');
    if (!wrong) throw new Error('payment-charge lost its retries-timeouts wrong solution');
    const report = await engine.check({ exercise: 'payment-charge', files: wrongSolutionFiles(bundle, wrong) });
    const signatures = failureSignatures(report);
    expect(signatures.length).toBeGreaterThan(0);
    expect(signatures.every((s) => s.checkId === 'scenarios' && s.kind === 'test')).toBe(true);
    const failing = report.checks
      .find((c) => c.id === 'scenarios')
      ?.tests?.filter((t) => t.status === 'fail')
      .map((t) => [...t.suite, t.name].join(' > '));
    expect(signatures.map((s) => s.value)).toEqual(failing);
    const solved = await engine.check({ exercise: 'payment-charge', files: solutionFiles(bundle) });
    expect(failureSignatures(solved)).toEqual([]);
  }, 120_000);

  it('names each lint rule the starter breaks once, however often it is broken', async () => {
    const bundle = await load('lint-gate');
    // The starter's code with the solution's config: the rule is on and the starter's code breaks it.
    const files = { ...bundle.starter, 'eslint.config.js': solutionFiles(bundle)['eslint.config.js'] ?? '' };
    const report = await engine.check({ exercise: 'lint-gate', files });
    const lint = failureSignatures(report).filter((s) => s.kind === 'lint');
    expect(lint.map((s) => s.value)).toContain('no-unused-expressions');
    expect(new Set(lint.map((s) => `${s.checkId} ${s.value}`)).size).toBe(lint.length);
  }, 120_000);

  it('names the seeded defects a review missed once the report may reveal them, and none before', async () => {
    const bundle = await load('review-rate-limiter-pr');
    const toolchain = new NodeToolchain();
    const final = await runChecks(bundle, bundle.starter, toolchain, { reveal: 'all' });
    const defects = failureSignatures(final).filter((s) => s.kind === 'defect');
    expect(defects.length).toBeGreaterThan(0);
    expect(defects.every((s) => s.checkId === 'review')).toBe(true);
    // Before a final submission the report does not say which defects were missed, so no signature does.
    const first = await runChecks(bundle, bundle.starter, toolchain);
    expect(failureSignatures(first).filter((s) => s.kind === 'defect')).toEqual([]);
    // The server's staff-side signatures come from a second, revealing run of the answer-key checks only.
    expect(await revealedSignatures(bundle, bundle.starter, toolchain)).toEqual(defects);
  }, 120_000);

  it('names a type error by its TS code once, not by the learner’s line or message', async () => {
    const bundle = await load('lint-gate');
    const wrong = bundle.meta.wrongSolutions.find((w) => w.id === 'fixed-coupon-in-plain-else');
    if (!wrong) throw new Error('lint-gate lost its fixed-coupon-in-plain-else wrong solution');
    const report = await engine.check({ exercise: 'lint-gate', files: wrongSolutionFiles(bundle, wrong) });
    const types = failureSignatures(report).filter((s) => s.kind === 'type');
    // `coupon.amountCents` where coupon may be undefined: tsc's "'coupon' is possibly 'undefined'".
    expect(types).toContainEqual({ checkId: 'checkout-types', kind: 'type', value: 'TS18048' });
    const errors = report.checks.find((c) => c.id === 'checkout-types')?.items?.filter((i) => i.status === 'fail');
    const codes = [...new Set(errors?.map((i) => /error (TS\d+)/.exec(i.label)?.[1]))];
    // One signature per distinct code tsc printed, each once however many lines carry it.
    expect(types.map((s) => s.value)).toEqual(codes);
    const solved = await engine.check({ exercise: 'lint-gate', files: solutionFiles(bundle) });
    expect(failureSignatures(solved).filter((s) => s.kind === 'type')).toEqual([]);
  }, 120_000);
});

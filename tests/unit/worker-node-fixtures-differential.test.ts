import { describe, expect, it } from 'vitest';
import { listExerciseSlugs, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../../src/runtime/engines/node/node-type-kit.ts';
import type { CheckResult } from '../../src/runtime/report/check-report.ts';
import type { Files } from '../../src/runtime/checks/toolchain.ts';

/**
 * The sibling of worker-node-differential for the fixtures: every wrong solution must fail the check its
 * `caughtBy` names in both engines (a wrong answer the instant engine lets through would show a learner a
 * green check that submit then takes back), and every mutant must be killed by the reference tests in
 * both. Only the check in question runs, which keeps this within reach of CI.
 */

const EXERCISES = 'exercises';
const slugs = await listExerciseSlugs(EXERCISES);
const worker = new WorkerToolchain(loadNodeTypeKit);
const node = new NodeToolchain();

const bundles = await Promise.all(slugs.map(async (slug) => (await loadExercise(EXERCISES, slug)).bundle));
const wrongCases = bundles.flatMap((bundle) =>
  bundle.meta.wrongSolutions.map((wrong) => ({ name: `${bundle.slug} ${wrong.id}`, bundle, wrong })),
);
const mutantCases = bundles.flatMap((bundle) =>
  bundle.meta.checks
    .filter((c) => c.kind === 'learner-tests')
    .map((check) => ({ name: `${bundle.slug} ${check.id}`, bundle, check })),
);

/** The one check's result in each engine, worker first (one after the other: they share two cores). */
async function inBoth(bundle: ExerciseBundle, checkId: string, files: Files): Promise<[CheckResult, CheckResult]> {
  const only = { ...bundle, meta: { ...bundle.meta, checks: bundle.meta.checks.filter((c) => c.id === checkId) } };
  const fromWorker = (await runChecks(only, files, worker)).checks[0];
  const fromNode = (await runChecks(only, files, node)).checks[0];
  if (!fromWorker || !fromNode) throw new Error(`check ${checkId} did not run`);
  return [fromWorker, fromNode];
}

describe('wrong solutions fail their caughtBy check in the worker and the Node engine', () => {
  it.each(wrongCases)(
    '$name',
    async ({ bundle, wrong }) => {
      const [fromWorker, fromNode] = await inBoth(bundle, wrong.caughtBy, wrongSolutionFiles(bundle, wrong));
      const seen = {
        worker: `${fromWorker.status}: ${fromWorker.summary}`,
        node: `${fromNode.status}: ${fromNode.summary}`,
      };
      expect({ worker: fromWorker.status, node: fromNode.status }, JSON.stringify(seen)).toEqual({
        worker: 'fail',
        node: 'fail',
      });
    },
    120_000,
  );
});

describe('every mutant is killed by the reference tests in the worker and the Node engine', () => {
  it.each(mutantCases)(
    '$name',
    async ({ bundle, check }) => {
      const [fromWorker, fromNode] = await inBoth(bundle, check.id, solutionFiles(bundle));
      const kills = (result: CheckResult) => (result.items ?? []).map((item) => `${item.id}: ${item.status}`);
      const expected = check.mutants.map((m) => `${m.id}: pass`);
      expect(kills(fromWorker)).toEqual(expected);
      expect(kills(fromNode)).toEqual(expected);
    },
    120_000,
  );
});

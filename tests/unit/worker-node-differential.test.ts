import { describe, expect, it } from 'vitest';
import { listExerciseSlugs, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import { loadNodeTypeKit } from '../../src/runtime/engines/node/node-type-kit.ts';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';
import type { Files } from '../../src/runtime/checks/toolchain.ts';

/**
 * The instant engine must grade like the real tools: every exercise's starter and solution through both
 * engines, compared on what a learner acts on. Durations, wording of parse errors and stack details may
 * differ; verdicts, per-test outcomes, lint rule hits and mutant kills may not.
 */

const EXERCISES = 'exercises';
const slugs = await listExerciseSlugs(EXERCISES);
const worker = new WorkerToolchain(loadNodeTypeKit);
const node = new NodeToolchain();

/** What must agree between engines, as sorted lines so a difference reads as a small diff. */
function gradedFacts(report: CheckReport): string[] {
  const facts: string[] = [`verdict ${report.verdict}`];
  for (const check of report.checks) {
    facts.push(`${check.id}: ${check.status}`);
    for (const test of check.tests ?? [])
      facts.push(`${check.id} test ${[test.file, ...test.suite, test.name].join(' > ')}: ${test.status}`);
    for (const problem of check.lint ?? [])
      facts.push(`${check.id} lint ${problem.file}:${problem.line} ${problem.ruleId ?? 'parse error'}`);
    for (const item of check.items ?? []) facts.push(`${check.id} item ${item.id}: ${item.status}`);
  }
  return facts.sort();
}

/** Failure message and diff of each failed test; these are what the learner reads. */
function failureMessages(report: CheckReport): Map<string, string> {
  const messages = new Map<string, string>();
  for (const check of report.checks) {
    for (const test of check.tests ?? []) {
      if (!test.failure) continue;
      // Vite's SSR transform renames `import * as feeds` to __vite_ssr_import_1__ in the Node engine's
      // messages; Sucrase keeps the learner's name. Compare without that artefact.
      const shown = `${test.failure.message}\n${test.failure.diff ?? '(no diff)'}`;
      // Random ids (crypto.randomUUID) differ run to run in any engine.
      const message = shown
        .replace(/__vite_ssr_import_\d+__/g, '<import>')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
      messages.set([test.file, ...test.suite, test.name].join(' > '), message);
    }
  }
  return messages;
}

async function both(bundle: ExerciseBundle, files: Files): Promise<[CheckReport, CheckReport]> {
  // One after the other: the Node engine's Vitest processes and this one share two cores.
  const fromWorker = await runChecks(bundle, files, worker);
  const fromNode = await runChecks(bundle, files, node);
  return [fromWorker, fromNode];
}

describe.each(slugs)('exercise %s graded by worker and Node engines', (slug) => {
  it.each(['starter', 'solution'] as const)(
    '%s gets the same grades',
    async (variant) => {
      const { bundle } = await loadExercise(EXERCISES, slug);
      const files = variant === 'starter' ? bundle.starter : solutionFiles(bundle);
      let [fromWorker, fromNode] = await both(bundle, files);
      if (gradedFacts(fromWorker).join('\n') !== gradedFacts(fromNode).join('\n')) {
        // Some starters are flaky on purpose (wall-clock sleeps with a 50 ms margin, for the lesson on
        // deterministic tests); a busy machine can tip them either way. A real difference repeats.
        [fromWorker, fromNode] = await both(bundle, files);
      }
      expect(gradedFacts(fromWorker)).toEqual(gradedFacts(fromNode));
      const nodeMessages = failureMessages(fromNode);
      for (const [test, message] of failureMessages(fromWorker)) {
        const expected = nodeMessages.get(test);
        if (expected === undefined) continue;
        // Where Vite renamed an import, any identifier of the learner's may stand in its place.
        const pattern = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<import>/g, '[\\w$]+');
        expect(message, test).toMatch(new RegExp(`^${pattern}$`));
      }
    },
    // rate-limiter-clock's starter sleeps for real and is graded in shuffled order as well; with the
    // second try above on a loaded machine it needs more than two minutes.
    240_000,
  );
});

import type { CheckItem, TestResult } from '../report/check-report.ts';
import type { CheckKind, SpecOf } from './kind.ts';
import type { Files, TestRequest, Toolchain } from './toolchain.ts';
import type { Mutant } from '../../content/schema/exercise.ts';
import { mutantText } from '../exercise/fixture-edits.ts';
import { judgeTests } from './tests.ts';
import { isTestFileFailure } from './test-file-failure.ts';

/**
 * Mutation testing with hand-picked mutants: the learner's tests must pass on the reference subject and
 * fail on every mutant. Coverage is deliberately not scored: assertion-free tests can reach 100% of it.
 */
export const learnerTestsKind: CheckKind<SpecOf<'learner-tests'>> = {
  kind: 'learner-tests',
  toolchain: 'test',
  runtime: 'any',
  reads: (spec) => ({ solution: [spec.subject], fixtures: [] }),
  answerKeyIsSecret: false,
  async run(spec, { workspace, bundle, toolchain, signal }) {
    const reference = bundle.solution[spec.subject] ?? bundle.starter[spec.subject];
    if (reference === undefined) throw new Error(`No reference for ${spec.subject} in solution/ or starter/`);
    const variants = [reference, ...spec.mutants.map((m) => mutantText(reference, m, spec.subject))];
    const runs = await testAll(
      toolchain,
      variants.map((subject) => ({ ...workspace, [spec.subject]: subject })),
      { targets: spec.tests },
      signal,
    );
    const [onReference = [], ...onMutants] = runs;
    const unloaded = onReference.filter(isTestFileFailure);
    if (unloaded.length > 0) {
      // A file that cannot load fails on every mutant too; counting that as a kill would reward broken tests.
      const files = [...new Set(unloaded.map((t) => t.file))].join(', ');
      return {
        status: 'fail',
        summary: `Your tests did not load (${files}), so no mutant was run`,
        tests: onReference,
        items: spec.mutants.map((mutant) => ({
          id: mutant.id,
          label: mutant.description,
          status: 'fail' as const,
          message: 'Not run: your tests did not load. Fix the error above first.',
        })),
        scores: { mutationScore: 0 },
      };
    }
    const items = spec.mutants.map((mutant, i) => mutantItem(mutant, onMutants[i] ?? []));
    const killed = items.filter((i) => i.status === 'pass').length;
    const referenceJudgement = judgeTests(onReference);
    const scores = { mutationScore: killed / spec.mutants.length };
    if (referenceJudgement.status === 'fail') {
      return {
        status: 'fail',
        summary: `Your tests must pass on a correct ${spec.subject} first (${referenceJudgement.summary.toLowerCase()})`,
        tests: onReference,
        items,
        scores,
      };
    }
    return {
      status: killed === items.length ? 'pass' : 'fail',
      summary: `${killed} of ${items.length} mutants killed`,
      tests: onReference,
      items,
      scores,
    };
  },
};

/** One toolchain call when the backend can batch, so N mutants do not pay N start-ups. */
async function testAll(
  toolchain: Toolchain,
  workspaces: Files[],
  request: TestRequest,
  signal: AbortSignal,
): Promise<TestResult[][]> {
  if (toolchain.testEach) return toolchain.testEach(workspaces, request, signal);
  const runs: TestResult[][] = [];
  for (const files of workspaces) runs.push(await toolchain.test(files, request, signal));
  return runs;
}

function mutantItem(mutant: Mutant, tests: TestResult[]): CheckItem {
  const killer = tests.find((t) => t.status === 'fail');
  const { id } = mutant;
  if (killer) {
    const name = [...killer.suite, killer.name].join(' › ');
    return { id, label: mutant.description, status: 'pass', message: `Killed by "${name}"` };
  }
  return {
    id,
    label: mutant.description,
    status: 'fail',
    message: 'Survived: every test still passes with this bug in place. Add an assertion that catches it.',
  };
}

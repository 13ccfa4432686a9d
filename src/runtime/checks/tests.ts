import type { TestResult } from '../report/check-report.ts';
import { READS_NOTHING, type CheckKind, type SpecOf } from './kind.ts';

/** Runs test files (hidden scenarios, visible tests) on the workspace; every test must pass. */
export const testsKind: CheckKind<SpecOf<'tests'>> = {
  kind: 'tests',
  toolchain: 'test',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  async run(spec, { workspace, toolchain, signal }) {
    const tests = await toolchain.test(workspace, { targets: spec.files }, signal);
    return { ...judgeTests(tests), tests };
  },
};

/** Pass only when at least one test ran and none failed; a file that failed to load counts as a failure. */
export function judgeTests(tests: readonly TestResult[]): { status: 'pass' | 'fail'; summary: string } {
  const ran = tests.filter((t) => t.status === 'pass' || t.status === 'fail');
  const passed = ran.filter((t) => t.status === 'pass').length;
  if (ran.length === 0) return { status: 'fail', summary: 'No test ran' };
  return {
    status: passed === ran.length ? 'pass' : 'fail',
    summary: `${passed} of ${ran.length} tests pass`,
  };
}

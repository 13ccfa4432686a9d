import type { TestResult } from '../report/check-report.ts';

/**
 * The name of the one failed result that stands for a test file that could not run at all (a syntax
 * error, a failing import, no test in it). Every engine reports it under this name, so a check can tell
 * "your tests did not load" from "a test failed".
 */
export const TEST_FILE_FAILED_NAME = '(the test file failed to run)';

export function isTestFileFailure(result: TestResult): boolean {
  return result.status === 'fail' && result.suite.length === 0 && result.name === TEST_FILE_FAILED_NAME;
}

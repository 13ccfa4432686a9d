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

/**
 * The name of the failed result that stands for an error nobody caught while a test file ran (a throw in
 * a timer callback, an unhandled rejection). `vitest run` fails the run for it even when every test
 * passed; every engine reports it under this name, once per file, with the first such error.
 */
export const UNHANDLED_ERROR_NAME = '(an unhandled error)';

export interface UnhandledError {
  /** Vitest's kind: "Unhandled Rejection" or "Uncaught Exception". */
  type: string;
  name: string;
  message: string;
  /** The test that was running when it happened, if any. */
  test?: string | undefined;
}

export function unhandledErrorResult(file: string, error: UnhandledError): TestResult {
  const during = error.test ? ` while "${error.test}" ran` : '';
  const name = error.name ? `${error.name}: ` : '';
  return {
    file,
    suite: [],
    name: UNHANDLED_ERROR_NAME,
    status: 'fail',
    durationMs: 0,
    failure: {
      message: `${error.type}: ${name}${error.message}\nNothing caught this error${during}; Vitest fails the run for it.`,
    },
  };
}

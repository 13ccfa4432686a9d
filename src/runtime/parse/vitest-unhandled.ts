import type { TestResult } from '../report/check-report.ts';
import { unhandledErrorResult } from '../checks/test-file-failure.ts';
import { asArray, asString, isObject, parseJsonText } from './json-guards.ts';
import { toWorkspacePath } from './paths.ts';

/**
 * Reads the Node engine's unhandled-errors file (written by its reporter, generated-files.ts): the
 * errors Vitest caught outside any test, which its JSON report leaves out although they fail the run.
 * One failed result per test file, for the first error that file caused.
 */
export function parseUnhandledErrors(text: string, options: { root: string; fallbackFile: string }): TestResult[] {
  const data = parseJsonText(text, 'Vitest unhandled errors');
  const byFile = new Map<string, TestResult>();
  for (const entry of asArray(data)) {
    if (!isObject(entry)) continue;
    const path = asString(entry['path']);
    const file = (path === undefined ? undefined : toWorkspacePath(path, options.root)) ?? options.fallbackFile;
    if (byFile.has(file)) continue;
    byFile.set(
      file,
      unhandledErrorResult(file, {
        type: asString(entry['type']) ?? 'Unhandled Error',
        name: asString(entry['name']) ?? '',
        message: asString(entry['message']) ?? '',
        test: asString(entry['test']),
      }),
    );
  }
  return [...byFile.values()];
}

import type { TestFailure, TestResult } from '../report/check-report.ts';
import { stripAnsi } from './ansi.ts';
import { asArray, asNumber, asString, isObject, parseJsonText, type JsonObject } from './json-guards.ts';
import { toWorkspacePath } from './paths.ts';
import { TEST_FILE_FAILED_NAME } from '../checks/test-file-failure.ts';

export interface VitestParseOptions {
  /** Absolute folder the workspace was written to; reported paths are made relative to it. */
  root: string;
}

/**
 * Key under a test's `meta` where the engine's setup file (vitest-failure-meta) stores the expected and
 * actual values and the diff of a failed assertion, which the JSON reporter otherwise drops.
 */
export const FAILURE_META_KEY = 'craftpath';

const STATUS: Record<string, TestResult['status']> = {
  passed: 'pass',
  failed: 'fail',
  skipped: 'skip',
  pending: 'skip',
  disabled: 'skip',
  todo: 'todo',
};

/**
 * Reads the output of `vitest run --reporter=json` into one result per test. A test file that could not
 * run at all (syntax error, failing import) becomes one failed result, so it is never silently green.
 */
export function parseVitestJson(text: string, options: VitestParseOptions): TestResult[] {
  const data = parseJsonText(text, 'Vitest');
  if (!isObject(data) || !Array.isArray(data['testResults'])) {
    throw new Error('Vitest JSON: expected an object with testResults');
  }
  const results: TestResult[] = [];
  for (const fileResult of asArray(data['testResults'])) {
    if (isObject(fileResult)) results.push(...fileResults(fileResult, options.root));
  }
  return results;
}

function fileResults(fileResult: JsonObject, root: string): TestResult[] {
  const name = asString(fileResult['name']) ?? '';
  const file = toWorkspacePath(name, root) ?? name;
  const tests = asArray(fileResult['assertionResults'])
    .filter(isObject)
    .map((a) => toResult(file, a, root));
  const fileMessage = stripAnsi(asString(fileResult['message']) ?? '').trim();
  const anyFailed = tests.some((t) => t.status === 'fail');
  if (asString(fileResult['status']) === 'failed' && !anyFailed) {
    tests.push({
      file,
      suite: [],
      name: TEST_FILE_FAILED_NAME,
      status: 'fail',
      durationMs: 0,
      failure: { message: fileMessage || 'The test file failed before any test ran.' },
    });
  }
  return tests;
}

function toResult(file: string, assertion: JsonObject, root: string): TestResult {
  const status = STATUS[asString(assertion['status']) ?? ''] ?? 'skip';
  const result: TestResult = {
    file,
    suite: asArray(assertion['ancestorTitles']).filter((t): t is string => typeof t === 'string'),
    name: asString(assertion['title']) ?? asString(assertion['fullName']) ?? '(unnamed test)',
    status,
    durationMs: Math.max(0, asNumber(assertion['duration']) ?? 0),
  };
  if (status === 'fail') {
    const messages = asArray(assertion['failureMessages']).filter((m): m is string => typeof m === 'string');
    result.failure = toFailure(messages, assertion['meta'], root);
  }
  return result;
}

function toFailure(messages: string[], meta: unknown, root: string): TestFailure {
  const stack = stripAnsi(messages[0] ?? 'The test failed without a message.');
  const failure: TestFailure = { message: messageOf(stack) };
  const details = isObject(meta) ? meta[FAILURE_META_KEY] : undefined;
  if (isObject(details)) {
    for (const key of ['expected', 'actual', 'diff'] as const) {
      const value = asString(details[key]);
      if (value !== undefined && value !== '') failure[key] = stripAnsi(value);
    }
  }
  const location = locationOf(stack, root);
  if (location) {
    failure.file = location.file;
    failure.line = location.line;
  }
  return failure;
}

/** The message without the stack frames, which point into the test runner and mean nothing to a learner. */
function messageOf(stack: string): string {
  const firstFrame = stack.search(/\n\s+at /);
  return (firstFrame === -1 ? stack : stack.slice(0, firstFrame)).trim();
}

/** The first stack frame inside the workspace (not in node_modules): where the learner should look. */
function locationOf(stack: string, root: string): { file: string; line: number } | undefined {
  for (const match of stack.matchAll(/\n\s+at (?:.*?\()?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?/g)) {
    const path = match[1] ?? '';
    if (path.includes('/node_modules/')) continue;
    const file = toWorkspacePath(path, root);
    if (file !== undefined) return { file, line: Number(match[2]) };
  }
  return undefined;
}

/** One line of the Node engine's test log (generated-files.ts): a test started, or finished with this result. */
export type VitestProgressEntry =
  { event: 'started'; test: Pick<TestResult, 'file' | 'suite' | 'name'> } | { event: 'finished'; result: TestResult };

/**
 * Reads the test log the engine's setup file appends to as tests start and finish, in that order. A line
 * cut short by a killed process, or anything else that is not an entry, is left out.
 */
export function parseVitestProgress(text: string, options: VitestParseOptions): VitestProgressEntry[] {
  const entries: VitestProgressEntry[] = [];
  for (const line of text.split('\n')) {
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(data)) continue;
    const path = asString(data['file']) ?? '';
    const file = toWorkspacePath(path, options.root) ?? path;
    const result = toResult(file, data, options.root);
    if (data['event'] === 'started')
      entries.push({ event: 'started', test: { file, suite: result.suite, name: result.name } });
    else if (data['event'] === 'finished') entries.push({ event: 'finished', result });
  }
  return entries;
}

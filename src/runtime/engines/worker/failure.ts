import { processError } from '@vitest/utils/error';
import type { TestFailure } from '../../report/check-report.ts';
import { locateError } from './stack.ts';

// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

interface ProcessedError {
  name?: unknown;
  message?: unknown;
  expected?: unknown;
  actual?: unknown;
  diff?: unknown;
  stack?: unknown;
}

/**
 * A thrown value as a TestFailure, through Vitest's own processError so `expected`, `actual` and the
 * "- Expected / + Received" diff are formatted exactly as the Node engine's Vitest formats them.
 */
export function toFailure(error: unknown): TestFailure {
  const location = locateError(error);
  // expect.soft errors arrive already processed (plain objects); processing twice would re-diff strings.
  const processed = (isProcessed(error) ? error : processError(error)) as ProcessedError;
  // Trimmed like the Node engine's (Vitest's call-list messages end in a newline).
  const failure: TestFailure = { message: stripAnsi(messageOf(processed)).trim() };
  if (typeof processed.expected === 'string') failure.expected = stripAnsi(processed.expected);
  if (typeof processed.actual === 'string') failure.actual = stripAnsi(processed.actual);
  if (typeof processed.diff === 'string' && processed.diff !== '') failure.diff = stripAnsi(processed.diff);
  if (location) {
    failure.file = location.file;
    failure.line = location.line;
  }
  return failure;
}

function isProcessed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && !(error instanceof Error) && 'message' in error;
}

function messageOf(error: ProcessedError): string {
  const message = typeof error.message === 'string' ? error.message : String(error.message ?? '');
  // The Node engine shows the first line(s) of Vitest's stack, which V8 heads with "Name: message".
  const name = typeof error.name === 'string' ? error.name : '';
  if (!name) return message;
  return message ? `${name}: ${message}` : name;
}

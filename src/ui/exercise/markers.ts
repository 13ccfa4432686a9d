import type { LintProblem } from '../../runtime/report/check-report.ts';

/** The marker fields Monaco needs; typed here so this mapping is testable without loading Monaco. */
export interface MarkerData {
  severity: number;
  message: string;
  source: string;
  code?: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Lint problems of one file as editor markers; a problem without an end marks to the end of its word. */
export function toMarkers(
  problems: readonly LintProblem[],
  file: string,
  severity: { Error: number; Warning: number },
): MarkerData[] {
  return problems
    .filter((p) => p.file === file)
    .map((p) => ({
      severity: p.severity === 'error' ? severity.Error : severity.Warning,
      message: p.message,
      source: 'eslint',
      code: p.ruleId ?? 'parse-error',
      startLineNumber: Math.max(1, p.line),
      startColumn: Math.max(1, p.column),
      endLineNumber: Math.max(1, p.endLine ?? p.line),
      endColumn: Math.max(1, p.endColumn ?? p.column + 1),
    }));
}

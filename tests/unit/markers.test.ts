import { describe, expect, it } from 'vitest';
import { toMarkers } from '../../src/ui/exercise/markers.ts';
import type { LintProblem } from '../../src/runtime/report/check-report.ts';

const severity = { Error: 8, Warning: 4 };
const problem = (over: Partial<LintProblem>): LintProblem => ({
  file: 'src/refund.ts',
  line: 3,
  column: 7,
  ruleId: 'eqeqeq',
  severity: 'error',
  message: "Expected '===' and instead saw '=='.",
  ...over,
});

describe('lint problems as editor markers', () => {
  it('marks only the problems of the file shown, with Monaco severities', () => {
    const markers = toMarkers(
      [
        problem({}),
        problem({ file: 'src/other.ts' }),
        problem({ severity: 'warning', line: 9, endLine: 9, endColumn: 12 }),
      ],
      'src/refund.ts',
      severity,
    );
    expect(markers).toEqual([
      expect.objectContaining({
        severity: 8,
        startLineNumber: 3,
        startColumn: 7,
        endLineNumber: 3,
        endColumn: 8,
        code: 'eqeqeq',
      }),
      expect.objectContaining({ severity: 4, startLineNumber: 9, endColumn: 12 }),
    ]);
  });

  it('keeps a parse error (no rule, line 0) on a visible line', () => {
    const [marker] = toMarkers([problem({ ruleId: null, line: 0, column: 0 })], 'src/refund.ts', severity);
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 1, code: 'parse-error' });
  });
});

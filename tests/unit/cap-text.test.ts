import { describe, expect, it } from 'vitest';
import { capCheckResult, capText, MAX_FINDINGS } from '../../src/runtime/report/cap-text.ts';
import { TEST_FILE_FAILED_NAME } from '../../src/runtime/checks/test-file-failure.ts';
import { FILE_FAILED_NAME } from '../../src/runtime/engines/worker/run-test-file.ts';

describe('capText', () => {
  it('keeps short text as it is and cuts long text saying how much went', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('x'.repeat(25), 10)).toBe(`${'x'.repeat(10)}\n… (15 more characters cut)`);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const capped = capText(`${'a'.repeat(9)}😀tail`, 10);
    expect(capped.startsWith(`${'a'.repeat(9)}\n`)).toBe(true);
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('capCheckResult', () => {
  it('caps failure texts and the number of findings, keeping everything else', () => {
    const huge = 'y'.repeat(1_000_000);
    const tests = Array.from({ length: MAX_FINDINGS + 10 }, (_, i) => ({
      file: 'src/a.test.ts',
      suite: [],
      name: `t${i}`,
      status: 'fail' as const,
      durationMs: 1,
      failure: { message: huge, diff: huge },
    }));
    const capped = capCheckResult({ id: 'tests', summary: '0 of 510 tests pass', tests });
    expect(capped.summary).toBe('0 of 510 tests pass');
    expect(capped.tests).toHaveLength(MAX_FINDINGS);
    expect(JSON.stringify(capped).length).toBeLessThan(20 * 1024 * 1024);
    expect(capped.tests?.[0]?.failure?.message).toMatch(/more characters cut\)$/);
  });
});

describe('a test file that failed to load', () => {
  it('has one name in every engine, so learner-tests can tell it from a failed test', () => {
    expect(FILE_FAILED_NAME).toBe(TEST_FILE_FAILED_NAME);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVitestJson, parseVitestProgress } from '../../src/runtime/parse/vitest-json.ts';

// Captured from a real `vitest run --reporter=json` with colours forced on and the engine's failure-meta
// setup file: one file with passing, failing, skipped and todo tests, one that cannot import its subject.
const realOutput = readFileSync(new URL('./fixtures/vitest-output.json', import.meta.url), 'utf8');

describe('parseVitestJson on real Vitest output', () => {
  const results = parseVitestJson(realOutput, { root: '/RUN' });
  const byName = (name: string) => results.find((r) => r.name === name);

  it('gives each test its file, suite path and status', () => {
    expect(byName('adds two numbers')).toMatchObject({
      file: 'src/calc.test.ts',
      suite: ['add', 'small numbers'],
      status: 'fail',
    });
    expect(byName('is a function')).toMatchObject({ suite: ['add'], status: 'pass' });
    expect(byName('handles bigints')?.status).toBe('skip');
    expect(byName('handles strings')?.status).toBe('todo');
  });

  it('shows a failed assertion as message, expected, actual and a plain diff', () => {
    const failure = byName('adds two numbers')?.failure;
    expect(failure).toMatchObject({
      message: 'AssertionError: expected 4 to be 3 // Object.is equality',
      expected: '3',
      actual: '4',
      file: 'src/calc.test.ts',
      line: 7,
    });
    expect(failure?.diff).toBe('- Expected\n+ Received\n\n- 3\n+ 4');
  });

  it('strips every ANSI colour code', () => {
    expect(JSON.stringify(results)).not.toContain('\\u001b');
  });

  it('reports a test file that cannot load as a failure, never as zero passing tests', () => {
    const broken = results.filter((r) => r.file === 'src/broken.test.ts');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({
      status: 'fail',
      failure: { message: expect.stringContaining('does-not-exist') },
    });
  });
});

describe('parseVitestJson on unexpected input', () => {
  it('rejects output that is not a Vitest report', () => {
    expect(() => parseVitestJson('[]', { root: '/RUN' })).toThrow(/testResults/);
    expect(() => parseVitestJson('not json', { root: '/RUN' })).toThrow(/Vitest did not produce readable JSON/);
  });
});

describe('parseVitestProgress', () => {
  it('reads the test log in order and skips a line cut short by the killed process', () => {
    const log = [
      JSON.stringify({ event: 'started', file: '/RUN/t.test.ts', ancestorTitles: ['s'], title: 'a' }),
      JSON.stringify({
        event: 'finished',
        file: '/RUN/t.test.ts',
        ancestorTitles: ['s'],
        title: 'a',
        status: 'failed',
        duration: 3,
        failureMessages: ['AssertionError: expected 1 to be 2\n    at /RUN/t.test.ts:4:7'],
        meta: {},
      }),
      '{"event":"started","file":"/RUN/t.te',
    ].join('\n');
    expect(parseVitestProgress(log, { root: '/RUN' })).toEqual([
      { event: 'started', test: { file: 't.test.ts', suite: ['s'], name: 'a' } },
      {
        event: 'finished',
        result: {
          file: 't.test.ts',
          suite: ['s'],
          name: 'a',
          status: 'fail',
          durationMs: 3,
          failure: { message: 'AssertionError: expected 1 to be 2', file: 't.test.ts', line: 4 },
        },
      },
    ]);
  });
});

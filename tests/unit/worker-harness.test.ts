import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../src/runtime/report/check-report.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

const toolchain = new WorkerToolchain();

async function run(test: string, extra: Record<string, string> = {}, testTimeoutMs?: number): Promise<TestResult[]> {
  const files = { 'src/a.test.ts': test, ...extra };
  const request =
    testTimeoutMs === undefined ? { targets: ['src/a.test.ts'] } : { targets: ['src/a.test.ts'], testTimeoutMs };
  return toolchain.test(files, request, new AbortController().signal);
}

const summary = (results: TestResult[]): string[] =>
  results.map((r) => `${[...r.suite, r.name].join(' > ')}: ${r.status}`);

describe('worker test harness', () => {
  it('runs hooks in Vitest order, with after-hooks in reverse', async () => {
    const results = await run(`
      import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
      const log: string[] = [];
      beforeAll(() => { log.push('beforeAll'); });
      beforeEach(() => { log.push('beforeEach outer'); return () => { log.push('cleanup outer'); }; });
      afterEach(() => { log.push('afterEach outer'); });
      describe('inner', () => {
        beforeEach(() => { log.push('beforeEach inner'); });
        afterEach(() => { log.push('afterEach inner'); });
        it('first', () => { log.push('test'); });
      });
      afterAll(() => { log.push('afterAll'); });
      it('sees the order', () => {
        expect(log).toEqual([
          'beforeAll', 'beforeEach outer', 'beforeEach inner', 'test',
          'afterEach inner', 'afterEach outer', 'cleanup outer', 'beforeEach outer',
        ]);
      });
    `);
    expect(summary(results)).toEqual(['inner > first: pass', 'sees the order: pass']);
  });

  it('honours only, skip, todo and each', async () => {
    const results = await run(`
      import { describe, it, test } from 'vitest';
      it('not run because of only', () => {});
      it.only('only one', () => {});
      it.skip('skipped', () => {});
      it.todo('later');
      describe.only('marked suite', () => {
        test.each([[1, 2], [2, 3]])('adds %i to get %i', (a, b) => { if (a + 1 !== b) throw new Error('no'); });
        test.each([{ name: 'x' }])('named $name', ({ name }) => { if (name !== 'x') throw new Error(name); });
      });
    `);
    expect(summary(results)).toEqual([
      'not run because of only: skip',
      'only one: pass',
      'skipped: skip',
      'later: todo',
      'marked suite > adds 1 to get 2: pass',
      'marked suite > adds 2 to get 3: pass',
      'marked suite > named x: pass',
    ]);
  });

  it('collects async describe bodies in order, after the top level', async () => {
    const results = await run(`
      import { describe, it } from 'vitest';
      describe('async', async () => {
        await Promise.resolve();
        it('declared after an await', () => {});
        describe('nested', () => { it('deep', () => {}); });
      });
      it('top level, declared last', () => {});
    `);
    expect(summary(results)).toEqual([
      'async > declared after an await: pass',
      'async > nested > deep: pass',
      'top level, declared last: pass',
    ]);
  });

  it('awaits async tests and reports rejections', async () => {
    const results = await run(`
      import { it, expect } from 'vitest';
      it('resolves', async () => { await expect(Promise.resolve(2)).resolves.toBe(2); });
      it('rejects', async () => { await expect(Promise.reject(new Error('nope'))).rejects.toThrow('nope'); });
      it('fails late', async () => { await new Promise((r) => setTimeout(r, 5)); throw new TypeError('late'); });
    `);
    expect(summary(results)).toEqual(['resolves: pass', 'rejects: pass', 'fails late: fail']);
    expect(results[2]?.failure?.message).toBe('TypeError: late');
    expect(results[2]?.failure?.file).toBe('src/a.test.ts');
    expect(results[2]?.failure?.line).toBe(5);
  });

  it('stops a test that never settles with Vitest timeout message', async () => {
    const results = await run(
      `
      import { it } from 'vitest';
      it('hangs', () => new Promise(() => {}));
      it('own limit', () => new Promise((r) => setTimeout(r, 80)), 20);
      it('after', () => {});
    `,
      {},
      50,
    );
    expect(summary(results)).toEqual(['hangs: fail', 'own limit: fail', 'after: pass']);
    expect(results[0]?.failure?.message).toBe(
      'TestTimeoutError: Test timed out in 50ms.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".',
    );
    expect(results[1]?.failure?.message).toMatch(/^TestTimeoutError: Test timed out in 20ms/);
  });

  it('fakes timers and Date inside the evaluated modules only', async () => {
    const results = await run(
      `
      import { it, expect, vi, beforeEach, afterEach } from 'vitest';
      import { retryLater, stamp } from './retry';
      beforeEach(() => { vi.useFakeTimers(); });
      afterEach(() => { vi.useRealTimers(); });
      it('advances', () => {
        const calls: number[] = [];
        retryLater(() => calls.push(1), 1000);
        vi.advanceTimersByTime(999);
        expect(calls).toEqual([]);
        vi.advanceTimersByTime(1);
        expect(calls).toEqual([1]);
      });
      it('intervals and runAllTimers', () => {
        let n = 0;
        const id = setInterval(() => { n++; if (n === 3) clearInterval(id); }, 10);
        vi.runAllTimers();
        expect(n).toBe(3);
      });
      it('system time', () => {
        vi.setSystemTime(new Date('2026-01-02T03:04:05Z'));
        expect(stamp()).toBe('2026-01-02T03:04:05.000Z');
        vi.advanceTimersByTime(1000);
        expect(Date.now()).toBe(Date.parse('2026-01-02T03:04:06Z'));
      });
      it('async advance lets promise chains run', async () => {
        const seen: string[] = [];
        const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const p = (async () => { await wait(100); seen.push('a'); await wait(100); seen.push('b'); })();
        await vi.advanceTimersByTimeAsync(200);
        await p;
        expect(seen).toEqual(['a', 'b']);
      });
      it('still has a working harness timeout under fake timers', () => new Promise(() => {}), 30);
    `,
      {
        'src/retry.ts': `export function retryLater(fn: () => void, ms: number): void { setTimeout(fn, ms); }
export const stamp = (): string => new Date().toISOString();`,
      },
    );
    expect(summary(results)).toEqual([
      'advances: pass',
      'intervals and runAllTimers: pass',
      'system time: pass',
      'async advance lets promise chains run: pass',
      'still has a working harness timeout under fake timers: fail',
    ]);
  });

  it('keeps timers faked at the top of a test file for its tests', async () => {
    const results = await run(`
      import { it, expect, vi } from 'vitest';
      vi.useFakeTimers();
      it('is fake', () => {
        let fired = false;
        setTimeout(() => { fired = true; }, 60_000);
        vi.advanceTimersByTime(60_000);
        expect(fired).toBe(true);
      });
    `);
    expect(summary(results)).toEqual(['is fake: pass']);
  });

  it('fires a thousand fake timers asynchronously well within the test timeout', async () => {
    const results = await run(
      `
      import { it, expect, vi } from 'vitest';
      it('stampede', async () => {
        vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
        let done = 0;
        const wait = () => new Promise((r) => setTimeout(r, 20)).then(() => Promise.resolve()).then(() => done++);
        const all = Array.from({ length: 1000 }, wait);
        setImmediate(() => done++);
        await vi.advanceTimersByTimeAsync(300);
        expect(done).toBe(1001);
        expect(new Date().toISOString()).toBe('2026-01-01T00:00:00.300Z');
        await Promise.all(all);
      });
    `,
      {},
      1000,
    );
    expect(summary(results)).toEqual(['stampede: pass']);
  });

  it('reports toEqual failures with a Vitest diff and expected/actual', async () => {
    const results = await run(`
      import { it, expect } from 'vitest';
      it('compares', () => {
        expect({ id: 1, tags: ['a'] }).toEqual({ id: 1, tags: ['b'] });
      });
    `);
    const failure = results[0]?.failure;
    expect(failure?.message).toBe(
      "AssertionError: expected { id: 1, tags: [ 'a' ] } to deeply equal { id: 1, tags: [ 'b' ] }",
    );
    expect(failure?.diff).toBe(
      [
        '- Expected',
        '+ Received',
        '',
        '  {',
        '    "id": 1,',
        '    "tags": [',
        '-     "b",',
        '+     "a",',
        '    ],',
        '  }',
      ].join('\n'),
    );
    expect(failure?.line).toBe(4);
    expect(failure?.expected).toContain('"b"');
    expect(failure?.actual).toContain('"a"');
  });

  it('supports vi.fn, spyOn and call matchers', async () => {
    const results = await run(`
      import { it, expect, vi } from 'vitest';
      it('records calls', () => {
        const send = vi.fn((to: string) => to.length);
        send('ada');
        expect(send).toHaveBeenCalledWith('ada');
        expect(send).toHaveBeenCalledTimes(1);
        expect(send.mock.results[0]?.value).toBe(3);
        const mailer = { send: (s: string) => s };
        const spy = vi.spyOn(mailer, 'send').mockReturnValue('stubbed');
        expect(mailer.send('x')).toBe('stubbed');
        expect(spy).toHaveBeenCalledOnce();
      });
      it('fails with the call list', () => {
        const send = vi.fn();
        send(1);
        expect(send).toHaveBeenCalledWith(2);
      });
    `);
    expect(summary(results)).toEqual(['records calls: pass', 'fails with the call list: fail']);
    expect(results[1]?.failure?.message).toMatch(
      /^AssertionError: expected "vi.fn\(\)" to be called with arguments: \[ 2 \]/,
    );
  });

  it('checks expect.assertions and hasAssertions', async () => {
    const results = await run(`
      import { it, expect } from 'vitest';
      it('counts', () => { expect.assertions(2); expect(1).toBe(1); });
      it('needs one', () => { expect.hasAssertions(); });
    `);
    expect(results.map((r) => r.failure?.message)).toEqual([
      'Error: expected number of assertions to be 2, but got 1',
      'Error: expected any number of assertion, but got none',
    ]);
  });

  it('turns a failing import into one failed result for the file', async () => {
    const results = await run(
      `import { it } from 'vitest';\nimport { x } from './missing';\nit('never', () => { void x; });\n`,
    );
    expect(results).toEqual([expect.objectContaining({ name: '(the test file failed to run)', status: 'fail' })]);
    expect(results[0]?.failure?.message).toBe("Cannot find module './missing' imported from src/a.test.ts");
  });

  it('skips the suite when beforeAll fails and still reports the file as failed', async () => {
    const results = await run(`
      import { it, beforeAll } from 'vitest';
      beforeAll(() => { throw new Error('db down'); });
      it('a', () => {});
    `);
    expect(summary(results)).toEqual(['a: skip', '(the test file failed to run): fail']);
    expect(results[1]?.failure?.message).toBe('db down');
  });
});

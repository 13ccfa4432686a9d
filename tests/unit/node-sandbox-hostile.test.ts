import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import type { CheckResult } from '../../src/runtime/report/check-report.ts';

/**
 * Hostile learner code through the real Node engine (real Vitest in the real sandbox): each attack from
 * issue 12 is the top of src/charge.ts, which the exercise's hidden scenarios import. Each test asserts
 * the verdict a learner reads and that this machine is unharmed. Limits are small so each takes seconds.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HIDDEN_TEST = join(ROOT, 'exercises/payment-charge/hidden/tests/charge.scenarios.test.ts');
const MB = 1024 * 1024;
const CANARY = 'CRAFTPATH_TEST_CANARY';
const COMPILE_CACHE = join(tmpdir(), `craftpath-test-compile-cache-${process.pid}`);
const toolchain = new NodeToolchain({
  compileCacheDir: COMPILE_CACHE,
  limits: { cpuSeconds: 3, memoryBytes: 512 * MB, processes: 128, outputBytes: MB },
});

let bundle: ExerciseBundle;
let solved: Record<string, string>;
beforeAll(async () => {
  const loaded = (await loadExercise(join(ROOT, 'exercises'), 'payment-charge')).bundle;
  // The scenarios check alone: one Vitest run per attack, not nine (the mutants).
  bundle = { ...loaded, meta: { ...loaded.meta, checks: loaded.meta.checks.filter((c) => c.id === 'scenarios') } };
  solved = solutionFiles(bundle);
});
afterAll(() => rmSync(COMPILE_CACHE, { recursive: true, force: true }));

/** Grades the solution with `attack` prepended to src/charge.ts; the scenarios check's result. */
async function gradeWith(attack: string): Promise<CheckResult> {
  const files = { ...solved, 'src/charge.ts': `${attack}\n${solved['src/charge.ts'] ?? ''}` };
  const report = await runChecks(bundle, files, toolchain, { timeoutMs: 25_000 });
  const [check] = report.checks;
  if (!check) throw new Error('no check ran');
  return check;
}

/** What the attack learned, carried out through the failure message of the test file that imported it. */
function leaked(check: CheckResult): string {
  return check.tests?.map((t) => t.failure?.message ?? '').join('\n') ?? '';
}

/** Host processes whose command line contains `marker` (the test's own listing, not the sandbox's). */
function hostProcesses(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(marker) && !line.includes(' ps -eo'));
}

/** The machine still starts processes and answers: what a fork bomb or an OOM would break. */
function hostWorks(): void {
  expect(execFileSync(process.execPath, ['-e', 'console.log(6 * 7)'], { encoding: 'utf8' }).trim()).toBe('42');
}

describe('the Node engine sandbox, against hostile learner code', () => {
  it('stops an endless loop by CPU time and reports a timeout', async () => {
    const started = Date.now();
    const check = await gradeWith('while (true) {}');
    expect(check.status).toBe('timeout');
    expect(check.summary).toMatch(/CPU time.*endless loop/);
    // 3 s of CPU, not the 25 s run limit.
    expect(Date.now() - started).toBeLessThan(20_000);
    hostWorks();
  }, 40_000);

  it('stops a fork bomb at the process limit, and none of its processes survive', async () => {
    const marker = `craftpath-bomb-${process.pid}`;
    const check = await gradeWith(
      `import { spawn } from 'node:child_process';
       spawn('/bin/sh', ['-c', 'f() { f | f & }; f # ${marker}'], { detached: true, stdio: 'ignore' });
       await new Promise((resolve) => setTimeout(resolve, 5000));`,
    );
    expect(check.status).toBe('error');
    expect(check.summary).toMatch(/started more than 128 processes or threads/);
    expect(hostProcesses(marker)).toEqual([]);
    hostWorks();
  }, 40_000);

  it('stops a 2 GB allocation at the memory limit', async () => {
    const check = await gradeWith('export const hoard = Buffer.alloc(2 * 1024 ** 3, 1);');
    expect(check.status).toBe('error');
    expect(check.summary).toMatch(/used more than 512 MB of memory/);
    hostWorks();
  }, 40_000);

  it('stops a 100 MB log at the output limit', async () => {
    const check = await gradeWith(
      // Straight to stdout: Vitest's JSON reporter drops console.log output itself.
      `const line = 'x'.repeat(1024 * 1024);
       for (let i = 0; i < 100; i++) process.stdout.write(line);`,
    );
    expect(check.status).toBe('error');
    expect(check.summary).toMatch(/printed more than 1 MB of output/);
    expect(check.summary.length).toBeLessThan(500);
    hostWorks();
  }, 40_000);

  describe('with a server on 127.0.0.1', () => {
    let server: Server;
    let requests = 0;
    let url = '';
    beforeAll(async () => {
      server = createServer((_, response) => {
        requests++;
        response.end('secret');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('cannot reach it: the sandbox has no network', async () => {
      // The server answers this process, so a zero count below is the sandbox's doing.
      expect(await (await fetch(url)).text()).toBe('secret');
      requests = 0;
      const check = await gradeWith(
        `const reached = await fetch(${JSON.stringify(url)}).then((r) => r.text(), (e) => 'failed: ' + (e.cause?.code ?? e.message));
         throw new Error('fetch: ' + reached);`,
      );
      expect(check.status).toBe('fail');
      expect(leaked(check)).toMatch(/fetch: failed: (ECONNREFUSED|ENETUNREACH)/);
      expect(requests).toBe(0);
    }, 40_000);
  });

  it('cannot read /etc/passwd, the hidden tests or the project, and sees no inherited variables', async () => {
    process.env[CANARY] = 'a secret of the grading machine';
    const check = await gradeWith(
      `import { readFileSync, readdirSync } from 'node:fs';
       const tries = ['/etc/passwd', ${JSON.stringify(HIDDEN_TEST)}, ${JSON.stringify(join(ROOT, 'package.json'))}].map((p) => {
         try { readFileSync(p, 'utf8'); return p + ': READ'; } catch (e) { return p + ': ' + e.code; }
       });
       const home = (() => { try { return readdirSync('/home').join(','); } catch (e) { return e.code; } })();
       throw new Error(['reads ' + tries.join(' | '), 'home ' + home, 'env ' + Object.keys(process.env).sort().join(',')].join('\\n'));`,
    ).finally(() => Reflect.deleteProperty(process.env, CANARY));
    const text = leaked(check);
    expect(text).toContain('/etc/passwd: ENOENT');
    expect(text).toContain(`${HIDDEN_TEST}: ENOENT`);
    expect(text).toContain(`${join(ROOT, 'package.json')}: ENOENT`);
    expect(text).not.toContain('READ');
    expect(text).toContain('home ENOENT');
    // A variable of this process (like the session's npm_* and tokens) is not passed on; Vitest adds its own
    // (MODE, SSR, VITEST…), so the list is short, not empty.
    const env = /env (.*)/.exec(text)?.[1]?.split(',') ?? [];
    expect(env).toContain('PATH');
    expect(env).not.toContain(CANARY);
    expect(env.filter((name) => name.startsWith('npm_'))).toEqual([]);
    expect(env.length).toBeLessThan(25);
  }, 40_000);

  it('cannot write outside its workspace: nothing appears in the checkout, /tmp or the shared compile cache', async () => {
    const marker = `craftpath-pwned-${process.pid}`;
    const cacheEntries = (): number => readdirSync(COMPILE_CACHE, { recursive: true }).length;
    const before = cacheEntries();
    const targets = [
      join(ROOT, `${marker}.txt`),
      join(tmpdir(), `${marker}.txt`),
      `/${marker}.txt`,
      `../${marker}.txt`,
      // Compiled code planted here would run in every later run: it is mounted read-only.
      `/compile-cache/${marker}`,
    ];
    const check = await gradeWith(
      `import { writeFileSync } from 'node:fs';
       const tries = ${JSON.stringify(targets)}.map((p) => { try { writeFileSync(p, 'x'); return p + ': WROTE'; } catch (e) { return p + ': ' + e.code; } });
       throw new Error('writes ' + tries.join(' | '));`,
    );
    const text = leaked(check);
    expect(text).toMatch(/writes /);
    expect(text).not.toContain('WROTE');
    expect(readdirSync(ROOT).filter((name) => name.includes(marker))).toEqual([]);
    expect(existsSync(join(tmpdir(), `${marker}.txt`))).toBe(false);
    expect(text).toContain(`/compile-cache/${marker}: EROFS`);
    expect(cacheEntries()).toBe(before);
  }, 40_000);

  it('kills detached children when the run ends', async () => {
    // A duration no other process uses, so the listing finds only these.
    const seconds = `${300 + (process.pid % 1000)}.4242`;
    let seen = false;
    const poll = setInterval(() => {
      if (hostProcesses(`sleep ${seconds}`).length > 0) seen = true;
    }, 100);
    const check = await gradeWith(
      `import { spawn } from 'node:child_process';
       for (let i = 0; i < 5; i++) spawn('sleep', ['${seconds}'], { detached: true, stdio: 'ignore' }).unref();
       await new Promise((resolve) => setTimeout(resolve, 1500));`,
    ).finally(() => clearInterval(poll));
    expect(check.status).toBe('pass');
    // The poll saw them running, so "none left" below is an observation, not a blind spot.
    expect(seen).toBe(true);
    expect(hostProcesses(`sleep ${seconds}`)).toEqual([]);
  }, 40_000);

  it('still grades the untouched solution after all of the above', async () => {
    const check = await gradeWith('');
    expect(check.status).toBe('pass');
    // Every hidden test ran and passed (the count grows as the exercise gains tests).
    expect(check.summary).toMatch(/^(\d+) of \1 tests pass$/);
  }, 40_000);
});

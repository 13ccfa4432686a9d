import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXERCISES = join(ROOT, 'exercises');

/** Processes whose command line mentions `marker` (our run folders are in every tool's arguments). */
function processesMentioning(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,pgid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(marker) && !line.includes(' ps -eo'));
}

const runsDirs: string[] = [];
afterAll(() => runsDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function isolatedToolchain(name: string) {
  const runsDir = join(tmpdir(), `craftpath-test-${name}-${process.pid}-${Date.now()}`);
  runsDirs.push(runsDir);
  return { runsDir, toolchain: new NodeToolchain({ runsDir }) };
}

describe('NodeToolchain', () => {
  it('stops an endless loop in learner code within the limit and leaves no process behind', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'payment-charge');
    const solved = solutionFiles(bundle);
    const looping = { ...solved, 'src/charge.ts': `${solved['src/charge.ts']}\nwhile (true) {}\n` };
    const { runsDir, toolchain } = isolatedToolchain('timeout');
    const limitMs = 6_000;

    let seenRunning = false;
    const poll = setInterval(() => {
      if (processesMentioning(runsDir).length > 0) seenRunning = true;
    }, 200);
    const started = Date.now();
    const report = await runChecks(bundle, looping, toolchain, { timeoutMs: limitMs }).finally(() =>
      clearInterval(poll),
    );
    const elapsed = Date.now() - started;

    expect(report.checks[0]).toMatchObject({ id: 'scenarios', status: 'timeout' });
    expect(report.checks[0]?.summary).toMatch(/endless loop/);
    expect(report.verdict).toBe('timeout');
    expect(elapsed).toBeLessThan(limitMs + 5_000);
    // The poll proves the check below can see our processes, so "none left" is a real observation.
    expect(seenRunning).toBe(true);
    expect(processesMentioning(runsDir)).toEqual([]);
    // The run folder goes once the killed process has been reaped, which a loaded machine may delay.
    await expect.poll(() => (existsSync(runsDir) ? readdirSync(runsDir) : []), { timeout: 15_000 }).toEqual([]);
  }, 60_000);

  it('reports a learner config that ESLint cannot load as an error with ESLint’s reason', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'lint-gate');
    const { toolchain } = isolatedToolchain('broken-config');
    const files = { ...solutionFiles(bundle), 'eslint.config.js': 'export default [{ rules: { eqeqeq: "error" }' };
    const report = await runChecks(bundle, files, toolchain);
    expect(report.checks[0]?.status).toBe('error');
    // Where the config breaks, not only that it does: file, line and column, and the parser's reason.
    expect(report.checks[0]?.summary).toMatch(
      /eslint\.config\.js:1:\d+: the lint config has a syntax error: Unexpected/,
    );
    expect(report.checks[0]?.summary).not.toContain(ROOT);
  }, 60_000);
});

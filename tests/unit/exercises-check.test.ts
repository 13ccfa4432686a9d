import { execFileSync } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.ts';

const SOLUTION = fileURLToPath(new URL('../../exercises/lint-gate/solution/', import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function learnerDir(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'craftpath-learner-')), 'work');
  dirs.push(dir);
  return dir;
}

async function solve(dir: string): Promise<void> {
  await copyFile(join(SOLUTION, 'eslint.config.js'), join(dir, 'eslint.config.js'));
  await copyFile(join(SOLUTION, 'src/checkout.ts'), join(dir, 'src/checkout.ts'));
}

describe('exercises check', () => {
  it('copies the starter on first use, reports what fails and exits 1; passes with exit 0 once solved', async () => {
    const dir = await learnerDir();
    const first = await runCli(['check', 'lint-gate', '--dir', dir]);
    expect(first.stdout).toContain(`Copied the starter of "A lint gate that catches bugs, not commas" to ${dir}`);
    expect(first.stdout).toContain('✗ samples/bugs/quantity-from-json.ts is flagged by eqeqeq');
    expect(first.code).toBe(1);
    // Hidden fixtures never reach the learner's folder.
    await expect(readFile(join(dir, 'samples/bugs/parse-price.ts'))).rejects.toThrow();

    await solve(dir);
    const second = await runCli(['check', 'lint-gate', '--dir', dir]);
    expect(second.stdout).toContain('PASS');
    expect(second.code).toBe(0);
  }, 60_000);

  it('prints lint problems as file:line:col rule message', async () => {
    const dir = await learnerDir();
    await runCli(['check', 'lint-gate', '--dir', dir]);
    await copyFile(join(SOLUTION, 'eslint.config.js'), join(dir, 'eslint.config.js'));
    const result = await runCli(['check', 'lint-gate', '--dir', dir]);
    expect(result.stdout).toMatch(/^\s+src\/checkout\.ts:15:5 {2}no-unused-expressions {2}Expected an assignment/m);
    expect(result.code).toBe(1);
  }, 60_000);

  it('with --watch, checks again after a file is saved', async () => {
    const dir = await learnerDir();
    const child = startCli(['check', 'lint-gate', '--dir', dir, '--watch']);
    // One listener for the whole run, so nothing printed between two waits is lost.
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = (text: string, from: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (output.indexOf(text, from) !== -1) {
            clearInterval(timer);
            resolve();
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`CLI exited before printing "${text}":\n${output}`));
          }
        }, 100);
      });
    try {
      await waitFor('Watching', 0);
      expect(output).toContain('FAIL');
      const mark = output.length;
      await solve(dir);
      await waitFor('PASS', mark);
      expect(output.slice(mark)).toContain('change detected');
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  }, 150_000);

  it('on Ctrl-C, stops the learner code it started instead of leaving it running', async () => {
    const dir = await learnerDir();
    await runCli(['check', 'payment-charge', '--dir', dir]);
    await appendFile(join(dir, 'src/charge.ts'), '\nwhile (true) {}\n');
    const child = startCli(['check', 'payment-charge', '--dir', dir]);
    const vitestChildren = () =>
      execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([, ppid, ...args]) => Number(ppid) === child.pid && args.join(' ').includes('vitest'))
        .map(([pid]) => Number(pid));
    await expect.poll(vitestChildren, { timeout: 30_000, interval: 200 }).not.toEqual([]);
    const [looping] = vitestChildren();
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const alive = () => {
      try {
        process.kill(looping ?? -1, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 5_000 }).toBe(false);
  }, 90_000);
});

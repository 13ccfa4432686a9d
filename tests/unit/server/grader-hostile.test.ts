import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeToolchain } from '../../../src/runtime/engines/node/node-toolchain.ts';
import { solutionFiles } from '../../../src/runtime/exercise/bundle.ts';
import type { CheckResult } from '../../../src/runtime/report/check-report.ts';
import { Grader } from '../../../src/server/grading/grader.ts';
import { ExerciseCatalog } from '../../../src/server/grading/exercise-catalog.ts';
import type { Submission } from '../../../src/shared-api/assignments-api.ts';
import { startHarness, type Harness } from './harness.ts';
import { gradingCohort, untilGraded } from './grading-fixture.ts';
import { TEST_DATABASES } from './stores.ts';

/**
 * Hostile submissions through the whole server path (API → queue → grader → sandbox → report), all queued
 * at once behind a grader running two at a time: each ends in a clear verdict for its learner, the API
 * answers throughout, and the correct submission queued among them still passes. The exercise is
 * payment-charge narrowed to its scenarios check (one Vitest run per submission, not one per mutant),
 * with small limits so each attack takes seconds.
 */
const MB = 1024 * 1024;
const CANARY = 'CRAFTPATH_SECRET';
const RUNS_DIR = join(tmpdir(), `craftpath-grader-runs-${process.pid}`);
const sqlite = TEST_DATABASES.find((d) => d.name === 'sqlite');
if (!sqlite) throw new Error('the embedded database is always tested');

const ATTACKS = {
  loop: 'while (true) {}',
  forkBomb: `import { spawn } from 'node:child_process';
    spawn('/bin/sh', ['-c', 'f() { f | f & }; f'], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 5000));`,
  hoard: 'export const hoard = Buffer.alloc(2 * 1024 ** 3, 1);',
  flood: `const line = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 100; i++) process.stdout.write(line);`,
  // Filled in beforeAll with this run's paths: the database file and the other submissions' folders.
  snoop: '',
} as const;
type Attack = keyof typeof ATTACKS | 'correct';

describe('the grader, against hostile submissions', () => {
  let h: Harness;
  let grader: Grader;
  const results = new Map<Attack, Submission>();
  const apiStatuses: number[] = [];

  beforeAll(async () => {
    process.env[CANARY] = 'the server secret';
    h = await startHarness(sqlite);
    const team = await gradingCohort(h);
    const catalog = new ExerciseCatalog();
    grader = new Grader({
      store: h.store,
      catalog,
      concurrency: 2,
      idleMs: 100,
      toolchain: new NodeToolchain({
        runsDir: RUNS_DIR,
        compileCacheDir: join(tmpdir(), `craftpath-grader-cache-${process.pid}`),
        limits: { cpuSeconds: 3, memoryBytes: 512 * MB, processes: 128, outputBytes: MB },
      }),
      async loadExercise(slug) {
        const exercise = await catalog.load(slug);
        const checks = exercise.bundle.meta.checks.filter((c) => c.id === 'scenarios');
        return { ...exercise, bundle: { ...exercise.bundle, meta: { ...exercise.bundle.meta, checks } } };
      },
    });
    const assignment = await team.assign(['payment-charge']);
    const { bundle } = await catalog.load('payment-charge');
    const solved = solutionFiles(bundle);
    const snoop = `import { readFileSync, readdirSync } from 'node:fs';
      const tries = [${JSON.stringify(h.store.location)}, ${JSON.stringify(RUNS_DIR)}, ${JSON.stringify(tmpdir())}].map((p) => {
        try { readFileSync(p); return p + ': READ'; } catch (e) {
          if (e.code !== 'EISDIR') return p + ': ' + e.code;
          try { return p + ': LISTED ' + readdirSync(p).join(','); } catch (e2) { return p + ': ' + e2.code; }
        }
      });
      throw new Error('reads ' + tries.join(' | ') + '\\nenv ' + Object.keys(process.env).join(','));`;
    const attacks: Record<Attack, string> = { ...ATTACKS, snoop, correct: '' };
    const queued = new Map<Attack, Submission>();
    for (const [name, attack] of Object.entries(attacks) as [Attack, string][]) {
      const files = {
        'src/charge.ts': `${attack}\n${solved['src/charge.ts'] ?? ''}`,
        'src/charge.test.ts': solved['src/charge.test.ts'] ?? '',
      };
      queued.set(name, await team.submit(assignment, 'payment-charge', files));
    }
    await grader.start();
    // The API while the gradings run: a learner's page polling its session.
    const poll = setInterval(() => {
      void team.learner.request('GET', '/api/session').then((res) => apiStatuses.push(res.status));
    }, 250);
    try {
      for (const [name, sub] of queued) results.set(name, await untilGraded(team.learner, sub.id, 170_000));
    } finally {
      clearInterval(poll);
    }
  }, 200_000);

  afterAll(async () => {
    Reflect.deleteProperty(process.env, CANARY);
    await grader.stop();
    await h.close();
    rmSync(RUNS_DIR, { recursive: true, force: true });
  });

  const check = (attack: Attack): CheckResult => {
    const report = results.get(attack)?.serverReports[0]?.report;
    const scenarios = report?.checks.find((c) => c.id === 'scenarios');
    if (!scenarios) throw new Error(`no server report for ${attack}: ${JSON.stringify(results.get(attack)?.grading)}`);
    return scenarios;
  };

  it('ends an endless loop with a CPU-time verdict', () => {
    expect(check('loop')).toMatchObject({ status: 'timeout', summary: expect.stringMatching(/CPU time/) });
  });

  it('ends a fork bomb at the process limit, leaving no process behind', () => {
    expect(check('forkBomb')).toMatchObject({ status: 'error', summary: expect.stringMatching(/128 processes/) });
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('f | f &'));
    expect(left).toEqual([]);
  });

  it('ends a 2 GB allocation at the memory limit', () => {
    expect(check('hoard')).toMatchObject({ status: 'error', summary: expect.stringMatching(/512 MB of memory/) });
  });

  it('ends a 100 MB log at the output limit, with a short summary', () => {
    expect(check('flood')).toMatchObject({ status: 'error', summary: expect.stringMatching(/1 MB of output/) });
    expect(check('flood').summary.length).toBeLessThan(500);
  });

  it('cannot read the database file, the other submissions’ folders or the server’s secret', () => {
    const text =
      check('snoop')
        .tests?.map((t) => t.failure?.message ?? '')
        .join('\n') ?? '';
    expect(text).toContain(`${h.store.location}: ENOENT`);
    expect(text).toContain(`${RUNS_DIR}: ENOENT`);
    expect(text).toContain(`${tmpdir()}: ENOENT`);
    expect(text).not.toMatch(/READ|LISTED/);
    expect(text).toMatch(/env .*PATH/);
    expect(text).not.toContain(CANARY);
  });

  it('still grades the correct submission queued among them, and the API answered throughout', () => {
    expect(results.get('correct')?.verdict).toBe('pass');
    expect(apiStatuses.length).toBeGreaterThan(10);
    expect(apiStatuses.every((s) => s === 200)).toBe(true);
    // One report each: no submission was graded twice.
    for (const sub of results.values()) expect(sub.serverReports).toHaveLength(1);
  });
});

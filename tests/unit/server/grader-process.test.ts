import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/server/auth/tokens.ts';
import { ExerciseCatalog } from '../../../src/server/grading/exercise-catalog.ts';
import { enqueue } from '../../../src/server/grading/queue.ts';
import { openStore, type Store } from '../../../src/server/store/database.ts';
import { exited } from './server-process.ts';

/**
 * `npm run grader` as a real process, killed with SIGKILL in the middle of a grading: the job's lease
 * runs out, a second grader process takes it over and the submission gets exactly one report, its.
 */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function startGrader(dataDir: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['src/server/grader-main.ts'], {
    env: { ...process.env, CRAFTPATH_DATA_DIR: dataDir, CRAFTPATH_GRADER_LEASE_MS: '5000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 90_000): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function seedSubmission(store: Store): Promise<string> {
  const now = new Date().toISOString();
  const [user, cohort, assignment, submission] = [newId(), newId(), newId(), newId()];
  await store.db
    .insertInto('user')
    .values({
      id: user,
      name: 'Lea',
      email: 'lea@example.com',
      emailVerified: 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await store.db
    .insertInto('cohort')
    .values({
      id: cohort,
      organisation_id: 'team',
      name: 'c',
      auto_join_domain: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('assignment')
    .values({
      id: assignment,
      cohort_id: cohort,
      title: 'lint-gate',
      mode: 'assessed',
      opens_at: now,
      due_at: now,
      cutoff_at: null,
      note: '',
      created_by: user,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const hash = await new ExerciseCatalog().contentHash('lint-gate');
  await store.db
    .insertInto('submission')
    .values({
      id: submission,
      assignment_id: assignment,
      user_id: user,
      exercise: 'lint-gate',
      revision: 1,
      // The learner's config takes 6 s to load: long enough to kill the grader in the middle of it.
      files: JSON.stringify({
        'eslint.config.js': 'await new Promise((resolve) => setTimeout(resolve, 6000));\nexport default [];\n',
        'src/checkout.ts': 'export {};\n',
      }),
      browser_report: null,
      content_hash: hash,
      engine_versions: '{}',
      submitted_at: now,
      late: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await enqueue(store.db, submission, hash);
  return submission;
}

describe('a grader process killed mid-grading', () => {
  it('loses no job: another grader takes it after the lease, and it gets one report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'craftpath-grader-kill-'));
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'craftpath.sqlite') });
    try {
      const submission = await seedSubmission(store);
      const job = () =>
        store.db.selectFrom('grading_job').selectAll().where('submission_id', '=', submission).executeTakeFirst();
      const first = startGrader(dir);
      const taken = await until('the first grader to claim the job', async () => {
        const row = await job();
        return row?.status === 'running' ? row : undefined;
      });
      first.child.kill('SIGKILL');
      await exited(first.child);
      const second = startGrader(dir);
      const report = await until('a report', () =>
        store.db.selectFrom('server_report').selectAll().where('submission_id', '=', submission).executeTakeFirst(),
      );
      expect(report.graded_by).not.toBe(taken.lease_owner);
      expect(await job()).toMatchObject({ status: 'done', attempts: 2 });
      expect(second.output()).toMatch(/graded .*: done/);
      const reports = await store.db
        .selectFrom('server_report')
        .select('id')
        .where('submission_id', '=', submission)
        .execute();
      expect(reports).toHaveLength(1);
      second.child.kill('SIGTERM');
      await exited(second.child);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { memoryStorage, type KeyValueStorage } from '../../src/runtime/storage/key-value.ts';
import { applyImport, planImport, readBackup, restoreSnapshot, type Backup } from '../../src/runtime/storage/backup.ts';

const work = (exercise: string, text: string, updatedAt: string) => ({
  version: 1 as const,
  exercise,
  files: { 'src/a.ts': text },
  updatedAt,
});

function backup(partial: Partial<Backup> = {}): Backup {
  return {
    format: 'craftpath-backup',
    version: 1,
    exportedAt: '2026-11-28T12:00:00.000Z',
    progress: { version: 1, exercises: {} },
    work: {},
    ...partial,
  };
}

function snapshotOf(storage: KeyValueStorage): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) out[key] = storage.getItem(key) ?? '';
  }
  return out;
}

function mine() {
  return memoryStorage({
    'craftpath:progress': JSON.stringify({
      version: 1,
      exercises: {
        'payment-charge': {
          status: 'passed',
          attempts: 3,
          passedAt: '2026-11-20T00:00:00.000Z',
          lastAttemptAt: '2026-11-20T00:00:00.000Z',
        },
        'lint-gate': { status: 'in-progress', attempts: 1, lastAttemptAt: '2026-11-21T00:00:00.000Z' },
      },
      lastLesson: { id: 'a', at: '2026-11-25T00:00:00.000Z' },
    }),
    'craftpath:work:payment-charge': JSON.stringify(work('payment-charge', 'mine, newer', '2026-11-27T00:00:00.000Z')),
    'craftpath:work:lint-gate': JSON.stringify(work('lint-gate', 'mine, older', '2026-11-01T00:00:00.000Z')),
  });
}

const theirs = backup({
  progress: {
    version: 1,
    exercises: {
      'payment-charge': { status: 'in-progress', attempts: 9, lastAttemptAt: '2026-11-26T00:00:00.000Z' },
      'lint-gate': {
        status: 'passed',
        attempts: 2,
        passedAt: '2026-11-22T00:00:00.000Z',
        lastAttemptAt: '2026-11-22T00:00:00.000Z',
      },
      'cache-ttl': { status: 'in-progress', attempts: 1, lastAttemptAt: '2026-11-22T00:00:00.000Z' },
    },
    lastLesson: { id: 'b', at: '2026-11-24T00:00:00.000Z' },
  },
  work: {
    'payment-charge': work('payment-charge', 'theirs, older', '2026-11-10T00:00:00.000Z'),
    'lint-gate': work('lint-gate', 'theirs, newer', '2026-11-26T00:00:00.000Z'),
    'cache-ttl': work('cache-ttl', 'theirs only', '2026-11-26T00:00:00.000Z'),
  },
});

describe('import merges, never destroys', () => {
  it('keeps the newer code and the better result per exercise, and says so before writing', () => {
    const storage = mine();
    const before = snapshotOf(storage);
    const planned = planImport(storage, theirs);
    if (!planned.ok) throw new Error(planned.error);
    // Planning writes nothing.
    expect(snapshotOf(storage)).toEqual(before);
    expect(planned.plan.rows).toEqual([
      { exercise: 'cache-ttl', code: 'added', result: 'added', files: ['src/a.ts'] },
      { exercise: 'lint-gate', code: 'newer', result: 'better', files: ['src/a.ts'] },
      { exercise: 'payment-charge', code: 'kept-yours', result: 'newer', files: ['src/a.ts'] },
    ]);
    expect(planned.plan.lastLesson).toBe('kept-yours');

    expect(applyImport(storage, planned.plan)).toMatchObject({ ok: true });
    const progress = JSON.parse(storage.getItem('craftpath:progress') ?? '{}') as {
      exercises: Record<string, { status: string; attempts: number; passedAt?: string }>;
      lastLesson: { id: string };
    };
    // A pass is never taken away by an older backup, and the backup's pass counts here.
    expect(progress.exercises['payment-charge']).toMatchObject({ status: 'passed', attempts: 9 });
    expect(progress.exercises['lint-gate']).toMatchObject({ status: 'passed', passedAt: '2026-11-22T00:00:00.000Z' });
    expect(progress.lastLesson.id).toBe('a');
    expect(JSON.parse(storage.getItem('craftpath:work:payment-charge') ?? '{}')).toMatchObject({
      files: { 'src/a.ts': 'mine, newer' },
    });
    // Imported code is marked, so the workbench keeps it inert until the learner acts.
    expect(JSON.parse(storage.getItem('craftpath:work:lint-gate') ?? '{}')).toMatchObject({
      files: { 'src/a.ts': 'theirs, newer' },
      origin: 'import',
    });
  });

  it('Undo puts every key back exactly as it was', () => {
    const storage = mine();
    const before = snapshotOf(storage);
    const planned = planImport(storage, theirs);
    if (!planned.ok) throw new Error(planned.error);
    const applied = applyImport(storage, planned.plan);
    if (!applied.ok) throw new Error(applied.error);
    expect(snapshotOf(storage)).not.toEqual(before);
    expect(restoreSnapshot(storage, applied.undo)).toBe(true);
    expect(snapshotOf(storage)).toEqual(before);
  });

  it('is all or nothing: a full storage midway rolls back to exactly the previous state', () => {
    const base = mine();
    const before = snapshotOf(base);
    const used = Object.entries(before).reduce((n, [k, v]) => n + k.length + v.length, 0);
    const big = backup({
      work: Object.fromEntries(
        ['a', 'b', 'c', 'd'].map((s) => [s, work(s, 'x'.repeat(3_000), '2026-11-28T00:00:00.000Z')]),
      ),
    });
    // Room for two of the four records, not all of them.
    const storage = memoryStorage(before, used + 7_000);
    const planned = planImport(storage, big);
    if (!planned.ok) throw new Error(planned.error);
    const result = applyImport(storage, planned.plan);
    expect(result).toEqual({ ok: false, error: 'browser storage is full', rolledBack: true });
    expect(snapshotOf(storage)).toEqual(before);
  });

  it('refuses a record filed under one exercise that names another, and writes nothing', () => {
    const text = JSON.stringify(
      backup({
        work: { 'payment-charge': work('lint-gate', 'export default [{ rules: {} }]', '2026-11-28T00:00:00.000Z') },
      }),
    );
    expect(readBackup(text)).toEqual({
      ok: false,
      error: 'work.payment-charge: the code filed under “payment-charge” names “lint-gate”.',
    });
  });

  it('does not overwrite progress here that could not be read', () => {
    const storage = memoryStorage({ 'craftpath:progress': '{"version":1,"exer' });
    expect(planImport(storage, theirs)).toMatchObject({ ok: false });
    expect(storage.getItem('craftpath:progress')).toBe('{"version":1,"exer');
  });
});

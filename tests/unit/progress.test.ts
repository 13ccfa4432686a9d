import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../src/runtime/storage/key-value.ts';
import { lessonState, ProgressStore } from '../../src/runtime/storage/progress.ts';
import { SavedWork, type StorageNotice } from '../../src/runtime/storage/saved-work.ts';
import { applyImport, exportBackup, planImport, readBackup } from '../../src/runtime/storage/backup.ts';

function clock(start = Date.parse('2026-11-28T09:00:00Z')) {
  let t = start;
  return () => new Date((t += 60_000));
}

describe('progress', () => {
  it('moves an exercise from not started to in progress to passed, counting attempts', () => {
    const store = new ProgressStore(memoryStorage(), undefined, clock());
    expect(store.stateOf('payment-charge')).toBe('not-started');
    store.recordRun('payment-charge', { verdict: 'fail' });
    expect(store.stateOf('payment-charge')).toBe('in-progress');
    const passed = store.recordRun('payment-charge', { verdict: 'pass' });
    expect(passed).toEqual({
      status: 'passed',
      attempts: 2,
      passedAt: '2026-11-28T09:02:00.000Z',
      lastAttemptAt: '2026-11-28T09:02:00.000Z',
      firstAttemptAt: '2026-11-28T09:01:00.000Z',
    });
    // Trying something else after passing does not take the pass away.
    expect(store.recordRun('payment-charge', { verdict: 'fail' })).toMatchObject({
      status: 'passed',
      attempts: 3,
      passedAt: '2026-11-28T09:02:00.000Z',
    });
  });

  it('a lesson is done when all its exercises pass', () => {
    const store = new ProgressStore(memoryStorage());
    store.recordRun('a', { verdict: 'pass' });
    store.recordRun('b', { verdict: 'fail' });
    expect(lessonState(store.read(), ['a'])).toBe('passed');
    expect(lessonState(store.read(), ['a', 'b'])).toBe('in-progress');
    expect(lessonState(store.read(), ['c'])).toBe('not-started');
    expect(lessonState(store.read(), [])).toBe('not-started');
  });

  it('sets corrupt progress aside with a notice and starts clean', () => {
    const storage = memoryStorage({ 'craftpath:progress': '{"version":1,"exercises":{"a":{"status":"wat"}}}' });
    const notices: StorageNotice[] = [];
    const store = new ProgressStore(
      storage,
      (n) => notices.push(n),
      () => new Date('2026-11-28T10:00:00Z'),
    );
    expect(store.read()).toEqual({ version: 1, exercises: {} });
    expect(notices[0]).toMatchObject({
      kind: 'set-aside',
      backupKey: 'craftpath:quarantine:progress:2026-11-28T10:00:00.000Z',
    });
    expect(storage.getItem('craftpath:quarantine:progress:2026-11-28T10:00:00.000Z')).toContain('"wat"');
  });
});

describe('backup', () => {
  it('exports progress and saved code, and an import into an empty browser restores both', () => {
    const source = memoryStorage();
    const progress = new ProgressStore(source);
    const work = new SavedWork(source);
    progress.recordRun('payment-charge', { verdict: 'pass' });
    work.save('payment-charge', { 'src/charge.ts': 'export {}' });
    const file = JSON.stringify(exportBackup(source, progress.read()));

    const target = memoryStorage();
    const read = readBackup(file);
    if (!read.ok) throw new Error(read.error);
    const plan = planImport(target, read.backup);
    if (!plan.ok) throw new Error(plan.error);
    expect(applyImport(target, plan.plan)).toMatchObject({ ok: true });
    expect(new ProgressStore(target).stateOf('payment-charge')).toBe('passed');
    expect(new SavedWork(target).load('payment-charge')).toEqual({ 'src/charge.ts': 'export {}' });
  });

  it('rejects a file that is not a backup, naming what is wrong', () => {
    expect(readBackup('not json')).toEqual({ ok: false, error: 'The file is not JSON.' });
    const wrong = readBackup(
      JSON.stringify({ format: 'craftpath-backup', version: 1, exportedAt: 'x', progress: {}, work: {} }),
    );
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining('progress.version') });
  });
});

import { describe, expect, it } from 'vitest';
import { memoryStorage, type KeyValueStorage } from '../../src/runtime/storage/key-value.ts';
import { SavedWork, type StorageNotice } from '../../src/runtime/storage/saved-work.ts';
import { ProgressStore } from '../../src/runtime/storage/progress.ts';
import { WorkSession, type SaveState, type Scheduler } from '../../src/runtime/storage/work-session.ts';
import { LastReports, MAX_REPORT_CHARS } from '../../src/runtime/storage/last-report.ts';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';

const KEY = 'craftpath:work:payment-charge';
const at = () => new Date('2026-11-28T10:00:00Z');

/** Runs scheduled saves only when the test says so: no timers, no waiting. */
function manualScheduler(): Scheduler & { runAll(): void } {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    set: (run) => (queue.set(++next, run), next),
    clear: (h) => void queue.delete(h as number),
    runAll() {
      for (const [h, run] of [...queue]) {
        queue.delete(h);
        run();
      }
    },
  };
}

function tab(storage: KeyValueStorage, initialText?: string) {
  const notices: StorageNotice[] = [];
  const states: SaveState[] = [];
  const scheduler = manualScheduler();
  const work = new SavedWork(storage, (n) => notices.push(n), at);
  const session = new WorkSession({
    work,
    storage,
    exercise: 'payment-charge',
    delayMs: 300,
    scheduler,
    onState: (s) => states.push(s),
    now: at,
  });
  let text = initialText ?? session.initial?.files['src/charge.ts'] ?? 'starter';
  session.addSource({ collect: () => ({ 'src/charge.ts': text }), apply: (f) => (text = f['src/charge.ts'] ?? '') });
  return {
    session,
    notices,
    states,
    scheduler,
    type(value: string) {
      text = value;
      session.changed();
    },
    get text() {
      return text;
    },
  };
}

describe('an unreadable record is set aside, never destroyed', () => {
  it('leaves the original in place, says so, and refuses every later save while storage cannot hold a copy', () => {
    const original = `{"version":1,"files":${'x'.repeat(2_000)}`;
    // Room for the original and little else: the quarantine copy cannot fit.
    const storage = memoryStorage({ [KEY]: original }, KEY.length + original.length + 100);
    const notices: StorageNotice[] = [];
    const work = new SavedWork(storage, (n) => notices.push(n), at);
    expect(work.load('payment-charge')).toBeUndefined();
    expect(notices[0]).toEqual({
      kind: 'kept-in-place',
      key: KEY,
      reason: 'the saved code could not be read',
      cause: 'browser storage is full',
    });
    // The learner types: the save is refused and the original is untouched.
    expect(work.save('payment-charge', { 'src/charge.ts': 'a' })).toBe(false);
    expect(storage.getItem(KEY)).toBe(original);
    expect(notices.at(-1)).toEqual({
      kind: 'not-saved',
      reason: 'the earlier copy could not be set aside, so it is left untouched',
    });
  });

  it('saves once the copy succeeds, with the original safe under the quarantine key', () => {
    const storage = memoryStorage({ [KEY]: '{"broken"' });
    const notices: StorageNotice[] = [];
    const work = new SavedWork(storage, (n) => notices.push(n), at);
    expect(work.save('payment-charge', { 'src/charge.ts': 'a' })).toBe(true);
    expect(storage.getItem('craftpath:quarantine:payment-charge:2026-11-28T10:00:00.000Z')).toBe('{"broken"');
    expect(notices.map((n) => n.kind)).toEqual(['set-aside']);
  });

  it('progress is guarded the same way: a run does not overwrite unreadable progress it could not copy', () => {
    const original = '{"version":1,"exercises":' + 'y'.repeat(500);
    const storage = memoryStorage({ 'craftpath:progress': original }, original.length + 40);
    const store = new ProgressStore(storage, () => {}, at);
    store.recordRun('payment-charge', { verdict: 'pass' });
    expect(storage.getItem('craftpath:progress')).toBe(original);
  });
});

describe('autosave session', () => {
  it('flush writes an edit made 0 ms before the page goes away', () => {
    const storage = memoryStorage();
    const a = tab(storage);
    a.type('edited');
    // No timer ran: the page is leaving.
    expect(a.session.flush()).toBe(true);
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'edited' });
  });

  it('a second tab is told the first changed the work, and nothing is overwritten until it picks', () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.type('from A');
    a.session.flush();
    // The storage event reaches B.
    b.session.externalChange(storage.getItem(KEY));
    expect(b.states.at(-1)).toMatchObject({ kind: 'conflict', theirs: { files: { 'src/charge.ts': 'from A' } } });
    b.type('from B');
    b.scheduler.runAll();
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'from A' });
    // Typing does not close the choice.
    expect(b.states.at(-1)?.kind).toBe('conflict');
    b.session.keepMine();
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'from B' });
  });

  it('a tab that missed the storage event still does not overwrite: the save itself sees the newer revision', () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.type('from A');
    a.session.flush();
    b.type('from B');
    expect(b.session.flush()).toBe(false);
    expect(b.states.at(-1)).toMatchObject({ kind: 'conflict' });
    b.session.takeTheirs();
    expect(b.text).toBe('from A');
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'from A' });
  });

  it('leaving with the choice still open keeps both versions', () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.type('from A');
    a.session.flush();
    b.session.externalChange(storage.getItem(KEY));
    b.type('from B');
    b.session.flush();
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'from A' });
    const state = b.states.at(-1);
    expect(state?.kind).toBe('set-aside-mine');
    const aside = state?.kind === 'set-aside-mine' ? storage.getItem(state.key) : null;
    expect(aside).toContain('from B');
  });

  it('a full storage is reported on the keystroke that could not be saved, and retried on the next', () => {
    const storage = memoryStorage({}, 200);
    const a = tab(storage);
    a.type('z'.repeat(500));
    a.scheduler.runAll();
    expect(a.notices.at(-1)).toEqual({ kind: 'not-saved', reason: 'browser storage is full' });
    a.type('short');
    a.scheduler.runAll();
    expect(new SavedWork(storage).load('payment-charge')).toEqual({ 'src/charge.ts': 'short' });
  });

  it('imported code stays marked as imported until the learner activates it', () => {
    const storage = memoryStorage({
      [KEY]: JSON.stringify({
        version: 1,
        exercise: 'payment-charge',
        files: { 'src/charge.ts': 'imported' },
        updatedAt: '2026-11-01T00:00:00.000Z',
        origin: 'import',
      }),
    });
    const a = tab(storage);
    expect(a.session.inert).toBe('import');
    a.type('typed over it');
    a.session.flush();
    expect(new SavedWork(storage).loadRecord('payment-charge')?.origin).toBe('import');
    a.session.activate();
    expect(a.session.inert).toBeUndefined();
    expect(new SavedWork(storage).loadRecord('payment-charge')?.origin).toBeUndefined();
  });

  it("taking another tab's version that was imported keeps it inert", () => {
    const storage = memoryStorage();
    const b = tab(storage);
    const applied: unknown[] = [];
    b.session.addSource({ collect: () => ({}), apply: (_files, origin) => applied.push(origin) });
    // The progress page (another tab) imports a backup for this exercise.
    const imported = JSON.stringify({
      version: 1,
      exercise: 'payment-charge',
      files: { 'src/charge.ts': 'from the backup' },
      updatedAt: '2026-11-28T11:00:00.000Z',
      revision: 1,
      origin: 'import',
    });
    storage.setItem(KEY, imported);
    b.session.externalChange(imported);
    b.session.takeTheirs();
    expect(applied).toEqual(['import']);
    expect(b.session.inert).toBe('import');
    expect(b.text).toBe('from the backup');
  });
});

describe('last report', () => {
  const report = (message: string): CheckReport => ({
    version: 1,
    exercise: 'payment-charge',
    engine: 'worker',
    startedAt: '2026-11-28T09:59:00.000Z',
    durationMs: 12,
    verdict: 'fail',
    checks: [
      {
        id: 'hidden-tests',
        kind: 'tests',
        title: 'Tests',
        status: 'fail',
        summary: '0 of 1 tests pass',
        durationMs: 3,
        tests: [{ file: 'a.test.ts', suite: [], name: 'charges', status: 'fail', durationMs: 1, failure: { message } }],
      },
    ],
  });

  it('is restored with the time it was saved', () => {
    const reports = new LastReports(memoryStorage(), at);
    reports.save(report('expected 1'));
    expect(reports.load('payment-charge')).toMatchObject({
      savedAt: '2026-11-28T10:00:00.000Z',
      trimmed: false,
      report: { verdict: 'fail' },
    });
  });

  it('is kept within its size bound: a 5 MB failure message is shortened, not stored whole', () => {
    const storage = memoryStorage();
    const reports = new LastReports(storage, at);
    expect(reports.save(report('x'.repeat(5_000_000)))).toBe(true);
    expect(storage.getItem('craftpath:report:payment-charge')?.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(reports.load('payment-charge')?.trimmed).toBe(true);
  });

  it('a report filed under another exercise is not shown there', () => {
    const storage = memoryStorage();
    new LastReports(storage, at).save(report('x'));
    storage.setItem('craftpath:report:lint-gate', storage.getItem('craftpath:report:payment-charge') ?? '');
    expect(new LastReports(storage, at).load('lint-gate')).toBeUndefined();
  });
});

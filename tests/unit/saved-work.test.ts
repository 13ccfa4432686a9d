import { describe, expect, it } from 'vitest';
import { memoryStorage, type KeyValueStorage } from '../../src/runtime/storage/key-value.ts';
import { SavedWork, type StorageNotice } from '../../src/runtime/storage/saved-work.ts';

function setup(initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const notices: StorageNotice[] = [];
  const work = new SavedWork(
    storage,
    (n) => notices.push(n),
    () => new Date('2026-11-28T10:00:00Z'),
  );
  return { storage, notices, work };
}

describe('saved work', () => {
  it('restores what was saved, per exercise', () => {
    const { work } = setup();
    work.save('payment-charge', { 'src/charge.ts': 'export const a = 1;' });
    work.save('lint-gate', { 'eslint.config.js': 'export default [];' });
    expect(work.load('payment-charge')).toEqual({ 'src/charge.ts': 'export const a = 1;' });
    expect(work.load('lint-gate')).toEqual({ 'eslint.config.js': 'export default [];' });
    expect(work.load('never-opened')).toBeUndefined();
  });

  it('sets corrupt data aside with a notice instead of deleting it', () => {
    const { work, storage, notices } = setup({ 'craftpath:work:payment-charge': '{"version":1,"files":' });
    expect(work.load('payment-charge')).toBeUndefined();
    expect(notices).toEqual([
      {
        kind: 'set-aside',
        key: 'craftpath:work:payment-charge',
        backupKey: 'craftpath:quarantine:payment-charge:2026-11-28T10:00:00.000Z',
        reason: 'the saved code could not be read',
      },
    ]);
    expect(storage.getItem('craftpath:quarantine:payment-charge:2026-11-28T10:00:00.000Z')).toBe(
      '{"version":1,"files":',
    );
    expect(storage.getItem('craftpath:work:payment-charge')).toBeNull();
  });

  it('reads the pre-versioning format (a bare map of files)', () => {
    const { work, notices } = setup({ 'craftpath:work:lint-gate': JSON.stringify({ 'eslint.config.js': 'old' }) });
    expect(work.load('lint-gate')).toEqual({ 'eslint.config.js': 'old' });
    expect(notices).toEqual([]);
  });

  it('reports, rather than throws, when storage refuses a write', () => {
    const full: KeyValueStorage = {
      ...memoryStorage(),
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
    const notices: StorageNotice[] = [];
    const work = new SavedWork(full, (n) => notices.push(n));
    expect(work.save('payment-charge', { 'a.ts': 'x' })).toBe(false);
    expect(notices).toEqual([{ kind: 'not-saved', reason: 'browser storage is full' }]);
  });
});

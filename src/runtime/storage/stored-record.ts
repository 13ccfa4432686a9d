import type { KeyValueStorage } from './key-value.ts';

export type StorageNotice =
  { kind: 'set-aside'; key: string; backupKey: string; reason: string } | { kind: 'not-saved'; reason: string };

export interface RecordAccess {
  storage: KeyValueStorage;
  notify: (notice: StorageNotice) => void;
  now: () => Date;
}

const QUARANTINE = 'craftpath:quarantine:';

/**
 * Reads one stored record. What cannot be parsed is moved to a quarantine key (never deleted) and the
 * learner is told, so a bug, an old format we forgot, or a hand edit never silently destroys their work.
 */
export function readRecord<T>(
  access: RecordAccess,
  key: string,
  parse: (raw: string) => T | undefined,
  what: { name: string; reason: string },
): T | undefined {
  let raw: string | null;
  try {
    raw = access.storage.getItem(key);
  } catch (error) {
    access.notify({ kind: 'not-saved', reason: describeStorageError(error) });
    return undefined;
  }
  if (raw === null) return undefined;
  const parsed = parse(raw);
  if (parsed !== undefined) return parsed;
  const backupKey = `${QUARANTINE}${what.name}:${access.now().toISOString()}`;
  try {
    access.storage.setItem(backupKey, raw);
    access.storage.removeItem(key);
  } catch {
    // Could not move it: leave the original where it is rather than lose it.
  }
  access.notify({ kind: 'set-aside', key, backupKey, reason: what.reason });
  return undefined;
}

/** Writes one record; a full or blocked storage is reported, not thrown into the editor. */
export function writeRecord(access: RecordAccess, key: string, value: unknown): boolean {
  try {
    access.storage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    access.notify({ kind: 'not-saved', reason: describeStorageError(error) });
    return false;
  }
}

export function describeStorageError(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') return 'browser storage is full';
  return error instanceof Error ? error.message : String(error);
}

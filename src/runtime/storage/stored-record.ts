import type { KeyValueStorage } from './key-value.ts';

export type StorageNotice =
  | { kind: 'set-aside'; key: string; backupKey: string; reason: string }
  /** The record could not be read and the copy to the quarantine key failed: it stays where it was, untouched. */
  | { kind: 'kept-in-place'; key: string; reason: string; cause: string }
  | { kind: 'not-saved'; reason: string };

export interface RecordAccess {
  storage: KeyValueStorage;
  notify: (notice: StorageNotice) => void;
  now: () => Date;
}

/** Storage key prefix of records set aside because they could not be read. */
export const QUARANTINE = 'craftpath:quarantine:';

/**
 * Reads one stored record. What cannot be parsed is moved to a quarantine key (never deleted) and the
 * learner is told, so a bug, an old format we forgot, or a hand edit never silently destroys their work.
 * When the copy fails (storage full), the original is left in place and the notice says so.
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
  } catch (error) {
    // The copy did not happen: removing the original now would destroy it, so it stays untouched.
    access.notify({ kind: 'kept-in-place', key, reason: what.reason, cause: describeStorageError(error) });
    return undefined;
  }
  try {
    access.storage.removeItem(key);
  } catch {
    // The copy exists; a leftover original is harmless.
  }
  access.notify({ kind: 'set-aside', key, backupKey, reason: what.reason });
  return undefined;
}

/**
 * Writes one record; a full or blocked storage is reported, not thrown into the editor. With `parse`, a
 * record already at `key` that cannot be read is set aside first, and when that fails nothing is written:
 * a write must never replace an original that was not safely copied.
 */
export function writeRecord(
  access: RecordAccess,
  key: string,
  value: unknown,
  guard?: { parse: (raw: string) => unknown; name: string; reason: string },
): boolean {
  try {
    if (guard && unreadableAt(access.storage, key, guard.parse)) {
      readRecord(access, key, guard.parse, guard);
      if (unreadableAt(access.storage, key, guard.parse)) {
        access.notify({
          kind: 'not-saved',
          reason: 'the earlier copy could not be set aside, so it is left untouched',
        });
        return false;
      }
    }
    access.storage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    access.notify({ kind: 'not-saved', reason: describeStorageError(error) });
    return false;
  }
}

function unreadableAt(storage: KeyValueStorage, key: string, parse: (raw: string) => unknown): boolean {
  const raw = storage.getItem(key);
  return raw !== null && parse(raw) === undefined;
}

export function describeStorageError(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') return 'browser storage is full';
  // A DOMException is not an Error subclass in every runtime.
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError')
    return 'browser storage is full';
  return error instanceof Error ? error.message : String(error);
}

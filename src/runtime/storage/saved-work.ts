import { z } from 'astro/zod';
import type { Files } from '../checks/toolchain.ts';
import type { KeyValueStorage } from './key-value.ts';

/** Bump when the stored shape changes, and teach `migrate` the old one: saved work must never be lost. */
export const SAVED_WORK_VERSION = 1 as const;

export const savedWorkSchema = z
  .object({
    version: z.literal(SAVED_WORK_VERSION),
    /** Exercise slug, repeated inside so an exported record explains itself. */
    exercise: z.string(),
    /** The learner's editable files by workspace path. */
    files: z.record(z.string(), z.string()),
    /** ISO time of the last save. */
    updatedAt: z.string(),
  })
  .strict();
export type SavedWorkRecord = z.infer<typeof savedWorkSchema>;

export type StorageNotice =
  { kind: 'set-aside'; key: string; backupKey: string; reason: string } | { kind: 'not-saved'; reason: string };

/** Storage key prefix of saved work; one key per exercise. */
export const WORK_KEY_PREFIX = 'craftpath:work:';
const QUARANTINE = 'craftpath:quarantine:';

/**
 * The learner's code per exercise, saved as they type. Unreadable records are moved aside (not deleted)
 * with a notice, so a bug or a hand edit never silently destroys work; a full or blocked storage makes
 * `save` report failure instead of throwing into the editor.
 */
export class SavedWork {
  readonly #storage: KeyValueStorage;
  readonly #notify: (notice: StorageNotice) => void;
  readonly #now: () => Date;

  constructor(storage: KeyValueStorage, notify: (notice: StorageNotice) => void = () => {}, now = () => new Date()) {
    this.#storage = storage;
    this.#notify = notify;
    this.#now = now;
  }

  load(exercise: string): Files | undefined {
    const key = WORK_KEY_PREFIX + exercise;
    let raw: string | null;
    try {
      raw = this.#storage.getItem(key);
    } catch (error) {
      this.#notify({ kind: 'not-saved', reason: describe(error) });
      return undefined;
    }
    if (raw === null) return undefined;
    const record = this.#parse(raw, exercise);
    if (record) return record.files;
    const backupKey = `${QUARANTINE}${exercise}:${this.#now().toISOString()}`;
    try {
      this.#storage.setItem(backupKey, raw);
      this.#storage.removeItem(key);
    } catch {
      // Could not move it: leave the original where it is rather than lose it.
    }
    this.#notify({ kind: 'set-aside', key, backupKey, reason: 'the saved code could not be read' });
    return undefined;
  }

  save(exercise: string, files: Files): boolean {
    const record: SavedWorkRecord = {
      version: SAVED_WORK_VERSION,
      exercise,
      files: { ...files },
      updatedAt: this.#now().toISOString(),
    };
    try {
      this.#storage.setItem(WORK_KEY_PREFIX + exercise, JSON.stringify(record));
      return true;
    } catch (error) {
      this.#notify({ kind: 'not-saved', reason: describe(error) });
      return false;
    }
  }

  clear(exercise: string): void {
    try {
      this.#storage.removeItem(WORK_KEY_PREFIX + exercise);
    } catch {
      // Nothing to do: the next save will overwrite it.
    }
  }

  #parse(raw: string, exercise: string): SavedWorkRecord | undefined {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const result = savedWorkSchema.safeParse(migrate(data, exercise));
    return result.success && result.data.exercise === exercise ? result.data : undefined;
  }
}

/**
 * Upgrades older shapes. Version 0 (before versioning) was a bare map of path to text; keep reading it so
 * work saved by an early build survives.
 */
function migrate(data: unknown, exercise: string): unknown {
  if (data && typeof data === 'object' && !('version' in data)) {
    const entries = Object.entries(data);
    if (entries.every(([, v]) => typeof v === 'string')) {
      return { version: SAVED_WORK_VERSION, exercise, files: data, updatedAt: new Date(0).toISOString() };
    }
  }
  return data;
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') return 'browser storage is full';
  return error instanceof Error ? error.message : String(error);
}

import { z } from 'astro/zod';
import type { Files } from '../checks/toolchain.ts';
import type { KeyValueStorage } from './key-value.ts';
import { readRecord, writeRecord, type RecordAccess, type StorageNotice } from './stored-record.ts';

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

export type { StorageNotice };

/** Storage key prefix of saved work; one key per exercise. */
export const WORK_KEY_PREFIX = 'craftpath:work:';

/**
 * The learner's code per exercise, saved as they type. Unreadable records are moved aside (not deleted)
 * with a notice, so a bug or a hand edit never silently destroys work; a full or blocked storage makes
 * `save` report failure instead of throwing into the editor.
 */
export class SavedWork {
  readonly #access: RecordAccess;

  constructor(storage: KeyValueStorage, notify: (notice: StorageNotice) => void = () => {}, now = () => new Date()) {
    this.#access = { storage, notify, now };
  }

  load(exercise: string): Files | undefined {
    const record = readRecord(this.#access, WORK_KEY_PREFIX + exercise, (raw) => parseSavedWork(raw, exercise), {
      name: exercise,
      reason: 'the saved code could not be read',
    });
    return record?.files;
  }

  save(exercise: string, files: Files): boolean {
    const record: SavedWorkRecord = {
      version: SAVED_WORK_VERSION,
      exercise,
      files: { ...files },
      updatedAt: this.#access.now().toISOString(),
    };
    return writeRecord(this.#access, WORK_KEY_PREFIX + exercise, record);
  }

  clear(exercise: string): void {
    try {
      this.#access.storage.removeItem(WORK_KEY_PREFIX + exercise);
    } catch {
      // Nothing to do: the next save will overwrite it.
    }
  }
}

function parseSavedWork(raw: string, exercise: string): SavedWorkRecord | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const result = savedWorkSchema.safeParse(migrate(data, exercise));
  return result.success && result.data.exercise === exercise ? result.data : undefined;
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

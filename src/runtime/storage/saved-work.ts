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
    /** Counts saves, so a tab can tell that another tab wrote the record since it last read it. */
    revision: z.number().int().nonnegative().optional(),
    /**
     * Set when the code was not typed in this browser: 'import' (a backup) or 'sync'. Such code is inert:
     * nothing lints or runs it until the learner presses Run or turns on lint as they type.
     */
    origin: z.enum(['import', 'sync']).optional(),
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
    return this.loadRecord(exercise)?.files;
  }

  /** The whole record (revision and origin too); unreadable records are set aside as `load` does. */
  loadRecord(exercise: string): SavedWorkRecord | undefined {
    return readRecord(
      this.#access,
      WORK_KEY_PREFIX + exercise,
      (raw) => parseSavedWork(raw, exercise),
      guard(exercise),
    );
  }

  /**
   * Saves the files. The revision defaults to one past the stored one; an unreadable record already there
   * is set aside first and, when that fails, left untouched and nothing is saved.
   */
  save(exercise: string, files: Files, meta: Pick<SavedWorkRecord, 'revision' | 'origin'> = {}): boolean {
    const revision = meta.revision ?? (this.peek(exercise)?.revision ?? 0) + 1;
    const record: SavedWorkRecord = {
      version: SAVED_WORK_VERSION,
      exercise,
      files: { ...files },
      updatedAt: this.#access.now().toISOString(),
      revision,
    };
    if (meta.origin) record.origin = meta.origin;
    return writeRecord(this.#access, WORK_KEY_PREFIX + exercise, record, guard(exercise));
  }

  /** The stored record without side effects (no set-aside, no notice): for comparing revisions. */
  peek(exercise: string): SavedWorkRecord | undefined {
    try {
      const raw = this.#access.storage.getItem(WORK_KEY_PREFIX + exercise);
      return raw === null ? undefined : parseSavedWork(raw, exercise);
    } catch {
      return undefined;
    }
  }

  clear(exercise: string): void {
    try {
      this.#access.storage.removeItem(WORK_KEY_PREFIX + exercise);
    } catch {
      // Nothing to do: the next save will overwrite it.
    }
  }
}

function guard(exercise: string) {
  return {
    parse: (raw: string) => parseSavedWork(raw, exercise),
    name: exercise,
    reason: 'the saved code could not be read',
  };
}

/** Parses a stored record for `exercise`; a record naming another exercise is not this one's, so undefined. */
export function parseSavedWork(raw: string, exercise: string): SavedWorkRecord | undefined {
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

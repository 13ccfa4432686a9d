import { z } from 'astro/zod';
import type { KeyValueStorage } from './key-value.ts';
import { mergeCards } from '../review/review-card.ts';
import { mergeExerciseRecords, parseProgress, PROGRESS_KEY, progressSchema, type Progress } from './progress.ts';
import { parseSavedWork, savedWorkSchema, WORK_KEY_PREFIX, type SavedWorkRecord } from './saved-work.ts';
import { describeStorageError } from './stored-record.ts';

/** One JSON file with all progress and saved code, so a learner can move browsers or hand it to a mentor. */
export const BACKUP_VERSION = 1 as const;

export const backupSchema = z
  .object({
    /** Identifies the file type, so importing some other JSON fails with a clear message. */
    format: z.literal('craftpath-backup'),
    version: z.literal(BACKUP_VERSION),
    /** ISO time of the export. */
    exportedAt: z.string(),
    progress: progressSchema,
    /** Saved code per exercise slug; each record names the same slug it is filed under. */
    work: z.record(z.string(), savedWorkSchema),
  })
  .strict();
export type Backup = z.infer<typeof backupSchema>;

export function exportBackup(storage: KeyValueStorage, progress: Progress, now = new Date()): Backup {
  const work: Backup['work'] = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(WORK_KEY_PREFIX)) continue;
    const raw = storage.getItem(key);
    // Filed under the key's slug: a record naming another exercise is not exported as that exercise's code.
    const record = raw === null ? undefined : parseSavedWork(raw, key.slice(WORK_KEY_PREFIX.length));
    if (record) work[record.exercise] = withoutTabState(record);
  }
  return { format: 'craftpath-backup', version: BACKUP_VERSION, exportedAt: now.toISOString(), progress, work };
}

export type ImportResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Validates the whole file before anything is written, so a bad file changes nothing. */
export function readBackup(text: string): ImportResult {
  const data = safeJson(text);
  if (data === undefined) return { ok: false, error: 'The file is not JSON.' };
  const result = backupSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      error: `Not a Craftpath backup: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  for (const [slug, record] of Object.entries(result.data.work)) {
    // Writing it under either name would put one exercise's code into another's: refuse the file.
    if (record.exercise !== slug)
      return { ok: false, error: `work.${slug}: the code filed under “${slug}” names “${record.exercise}”.` };
  }
  return { ok: true, backup: result.data };
}

/** What an import does to one exercise, shown before anything changes. */
export interface ImportRow {
  exercise: string;
  /** added: no code here yet; newer: the backup's is more recent; same: identical; kept-yours: yours is newer. */
  code: 'added' | 'newer' | 'same' | 'kept-yours' | 'none';
  /** added: no result here yet; better: the backup passed where you have not; newer: more recent attempts. */
  result: 'added' | 'better' | 'newer' | 'kept-yours' | 'none';
  /** The backup's files for this exercise (empty when it holds no code). */
  files: string[];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** The lesson last opened: the backup's when it is more recent. */
  lastLesson: 'newer' | 'kept-yours' | 'none';
  /** Every key the import writes and its new value: applied together or not at all. */
  writes: Map<string, string>;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

/** The value of each key before an import, so it can be put back exactly (null: the key did not exist). */
export type Snapshot = Map<string, string | null>;

/**
 * Merges a backup into what is stored, per exercise: the newer code and the better result win, nothing of
 * the learner's is dropped. Pure: it reads storage and returns the writes, it writes nothing.
 */
export function planImport(storage: KeyValueStorage, backup: Backup): PlanResult {
  const rawProgress = storage.getItem(PROGRESS_KEY);
  const mine = rawProgress === null ? { version: 1 as const, exercises: {} } : parseProgress(rawProgress);
  if (!mine) return { ok: false, error: 'Your saved progress here could not be read, so it is not overwritten.' };
  const merged: Progress = structuredClone(mine);
  const writes = new Map<string, string>();
  const rows = new Map<string, ImportRow>();
  const row = (exercise: string): ImportRow => {
    const existing = rows.get(exercise) ?? { exercise, code: 'none', result: 'none', files: [] };
    rows.set(exercise, existing);
    return existing;
  };

  for (const [slug, theirs] of Object.entries(backup.progress.exercises)) {
    const yours = mine.exercises[slug];
    const next = yours ? mergeExerciseRecords(yours, theirs) : theirs;
    merged.exercises[slug] = next;
    row(slug).result = !yours
      ? 'added'
      : next.status !== yours.status
        ? 'better'
        : JSON.stringify(next) !== JSON.stringify(yours)
          ? 'newer'
          : 'kept-yours';
  }
  let lastLesson: ImportPlan['lastLesson'] = 'none';
  if (backup.progress.lastLesson) {
    const newer = !mine.lastLesson || backup.progress.lastLesson.at > mine.lastLesson.at;
    if (newer) merged.lastLesson = backup.progress.lastLesson;
    lastLesson = newer ? 'newer' : 'kept-yours';
  }
  // Review cards: per card, the copy changed last wins (an answer given in either place is kept).
  const reviews = mergeCards(mine.reviews, backup.progress.reviews);
  if (reviews) merged.reviews = reviews;
  if (JSON.stringify(merged) !== JSON.stringify(mine)) writes.set(PROGRESS_KEY, JSON.stringify(merged));

  for (const [slug, theirs] of Object.entries(backup.work)) {
    const key = WORK_KEY_PREFIX + slug;
    const raw = storage.getItem(key);
    const yours = raw === null ? undefined : parseSavedWork(raw, slug);
    const r = row(slug);
    r.files = Object.keys(theirs.files);
    if (raw !== null && !yours) {
      // Unreadable code here: the import must not be the thing that overwrites it.
      r.code = 'kept-yours';
      continue;
    }
    if (yours && sameContent(yours.files, theirs.files)) r.code = 'same';
    else if (yours && yours.updatedAt >= theirs.updatedAt) r.code = 'kept-yours';
    else {
      r.code = yours ? 'newer' : 'added';
      // Marked as imported: it stays inert (no lint, no run) until the learner acts on it.
      const record: SavedWorkRecord = {
        ...withoutTabState(theirs),
        revision: (yours?.revision ?? 0) + 1,
        origin: 'import',
      };
      writes.set(key, JSON.stringify(record));
    }
  }
  return {
    ok: true,
    plan: { rows: [...rows.values()].sort((a, b) => a.exercise.localeCompare(b.exercise)), lastLesson, writes },
  };
}

export type ApplyResult = { ok: true; undo: Snapshot } | { ok: false; error: string; rolledBack: boolean };

/**
 * Writes the plan as one step: on any failure (a full storage midway) every key is put back to exactly
 * what it held before, so an import is all or nothing. The snapshot it returns is what Undo restores.
 */
export function applyImport(storage: KeyValueStorage, plan: ImportPlan): ApplyResult {
  const before: Snapshot = new Map([...plan.writes.keys()].map((k) => [k, storage.getItem(k)]));
  try {
    for (const [key, value] of plan.writes) storage.setItem(key, value);
    return { ok: true, undo: before };
  } catch (error) {
    const rolledBack = restoreSnapshot(storage, before);
    return { ok: false, error: describeStorageError(error), rolledBack };
  }
}

/**
 * Writes saved work that was merged elsewhere (a team server sync) as one step. A record whose code is
 * already here is left alone; one that brings other code is marked with its origin, so it stays inert
 * until the learner acts, and an unreadable record here is never overwritten.
 */
export function applyMergedWork(
  storage: KeyValueStorage,
  work: Record<string, SavedWorkRecord>,
  origin: 'sync',
): ApplyResult {
  const writes = new Map<string, string>();
  for (const [slug, theirs] of Object.entries(work)) {
    const key = WORK_KEY_PREFIX + slug;
    const raw = storage.getItem(key);
    const yours = raw === null ? undefined : parseSavedWork(raw, slug);
    if ((raw !== null && !yours) || (yours && sameContent(yours.files, theirs.files))) continue;
    const record: SavedWorkRecord = { ...withoutTabState(theirs), revision: (yours?.revision ?? 0) + 1, origin };
    writes.set(key, JSON.stringify(record));
  }
  return applyImport(storage, { rows: [], lastLesson: 'none', writes });
}

/** Puts every key of the snapshot back; true when storage now holds exactly the snapshot's values. */
export function restoreSnapshot(storage: KeyValueStorage, snapshot: Snapshot): boolean {
  try {
    // Remove first: the new values take the room the old ones need.
    for (const key of snapshot.keys()) storage.removeItem(key);
    for (const [key, value] of snapshot) if (value !== null) storage.setItem(key, value);
  } catch {
    // Reported through the return value below.
  }
  return [...snapshot].every(([key, value]) => storage.getItem(key) === value);
}

/** A revision counts saves in one browser; it means nothing in another, so it is not carried across. */
function withoutTabState(record: SavedWorkRecord): SavedWorkRecord {
  const { revision: _revision, ...rest } = record;
  return rest;
}

function sameContent(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { z } from 'astro/zod';
import type { KeyValueStorage } from './key-value.ts';
import { progressSchema, type Progress } from './progress.ts';
import { savedWorkSchema, WORK_KEY_PREFIX } from './saved-work.ts';

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
    /** Saved code per exercise slug. */
    work: z.record(z.string(), savedWorkSchema),
  })
  .strict();
export type Backup = z.infer<typeof backupSchema>;

export function exportBackup(storage: KeyValueStorage, progress: Progress, now = new Date()): Backup {
  const work: Backup['work'] = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(WORK_KEY_PREFIX)) continue;
    const parsed = savedWorkSchema.safeParse(safeJson(storage.getItem(key)));
    if (parsed.success) work[parsed.data.exercise] = parsed.data;
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
  return { ok: true, backup: result.data };
}

/** Writes saved code from a validated backup; progress is written by the ProgressStore. */
export function restoreWork(storage: KeyValueStorage, backup: Backup): void {
  for (const record of Object.values(backup.work)) {
    storage.setItem(WORK_KEY_PREFIX + record.exercise, JSON.stringify(record));
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

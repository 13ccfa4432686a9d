import { z } from 'astro/zod';
import type { CheckReport } from '../report/check-report.ts';
import type { KeyValueStorage } from './key-value.ts';
import { readRecord, writeRecord, type RecordAccess, type StorageNotice } from './stored-record.ts';

/** Bump when the stored shape changes, and teach `migrate` the old one. */
export const PROGRESS_VERSION = 1 as const;
/** Storage key of the progress record. */
export const PROGRESS_KEY = 'craftpath:progress';

const exerciseProgressSchema = z
  .object({
    /** in-progress once the learner ran the checks; passed stays passed even if a later run fails. */
    status: z.enum(['in-progress', 'passed']),
    /** Number of check runs. */
    attempts: z.number().int().nonnegative(),
    /** ISO time of the first passing run. */
    passedAt: z.string().optional(),
    /** ISO time of the latest run. */
    lastAttemptAt: z.string(),
  })
  .strict();
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;

export const progressSchema = z
  .object({
    version: z.literal(PROGRESS_VERSION),
    /** Per exercise slug; an exercise absent here is not started. */
    exercises: z.record(z.string(), exerciseProgressSchema),
    /** The lesson the learner last opened, for "continue where you left off". */
    lastLesson: z.object({ id: z.string(), at: z.string() }).strict().optional(),
  })
  .strict();
export type Progress = z.infer<typeof progressSchema>;

export type ExerciseState = 'not-started' | 'in-progress' | 'passed';

const empty = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

/**
 * Progress across exercises, stored in one validated, versioned record. Unreadable data is set aside
 * with a notice, never silently replaced.
 */
export class ProgressStore {
  readonly #access: RecordAccess;

  constructor(storage: KeyValueStorage, notify: (notice: StorageNotice) => void = () => {}, now = () => new Date()) {
    this.#access = { storage, notify, now };
  }

  read(): Progress {
    const stored = readRecord(this.#access, PROGRESS_KEY, parseProgress, {
      name: 'progress',
      reason: 'saved progress could not be read',
    });
    return stored ?? empty();
  }

  stateOf(slug: string): ExerciseState {
    return this.read().exercises[slug]?.status ?? 'not-started';
  }

  /** Record one run of the checks. */
  recordRun(slug: string, report: Pick<CheckReport, 'verdict'>): ExerciseProgress {
    const progress = this.read();
    const at = this.#access.now().toISOString();
    const before = progress.exercises[slug];
    const passed = before?.status === 'passed' || report.verdict === 'pass';
    const next: ExerciseProgress = {
      status: passed ? 'passed' : 'in-progress',
      attempts: (before?.attempts ?? 0) + 1,
      lastAttemptAt: at,
    };
    const passedAt = before?.passedAt ?? (report.verdict === 'pass' ? at : undefined);
    if (passedAt) next.passedAt = passedAt;
    progress.exercises[slug] = next;
    this.#write(progress);
    return next;
  }

  visitLesson(id: string): void {
    const progress = this.read();
    progress.lastLesson = { id, at: this.#access.now().toISOString() };
    this.#write(progress);
  }

  /** Replace everything (import). The caller validated it with `parseProgress`. */
  replace(progress: Progress): boolean {
    return this.#write(progress);
  }

  #write(progress: Progress): boolean {
    // Guarded: unreadable progress that could not be set aside is never replaced by a fresh record.
    return writeRecord(this.#access, PROGRESS_KEY, progress, {
      parse: parseProgress,
      name: 'progress',
      reason: 'saved progress could not be read',
    });
  }
}

/** Parses stored or imported progress (any known version); undefined when it is not progress at all. */
export function parseProgress(raw: string | unknown): Progress | undefined {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const result = progressSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** A lesson is done when every exercise it embeds has passed; a lesson without exercises is never "done". */
export function lessonState(progress: Progress, exercises: readonly string[]): ExerciseState {
  if (exercises.length === 0) return 'not-started';
  const states = exercises.map((e) => progress.exercises[e]?.status ?? 'not-started');
  if (states.every((s) => s === 'passed')) return 'passed';
  return states.some((s) => s !== 'not-started') ? 'in-progress' : 'not-started';
}

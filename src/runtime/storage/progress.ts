import { z } from 'astro/zod';
import type { CheckReport } from '../report/check-report.ts';
import { noteReport } from '../review/from-report.ts';
import { reviewCardSchema, type ReviewCard } from '../review/review-card.ts';
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
    /**
     * ISO time of the latest run; while attempts is 0, of the first hint or solution view. It is the
     * record's time that backups and team sync compare ("newer wins").
     */
    lastAttemptAt: z.string(),
    /** ISO time of the first run. Absent in records saved before it was kept. */
    firstAttemptAt: z.string().optional(),
    /** How many of the exercise's hints the learner has revealed (the highest, across visits). */
    hintsUsed: z.number().int().nonnegative().optional(),
    /** ISO time the learner first opened the reference solution; compared with passedAt on the progress page. */
    solutionViewedAt: z.string().optional(),
    /** Checks that failed in the latest run of each part (code, judgment), by check id: what is still to fix. */
    failing: z.record(z.string().max(100), z.string().max(200)).optional(),
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
    /** The review queue: mistakes the learner made and fixed, per card id (src/runtime/review). */
    reviews: z.record(z.string().max(300), reviewCardSchema).optional(),
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

  /**
   * Record one run of the checks. With the report's checks, the checks still failing are kept and the
   * review queue learns the run's mistakes and fixes. A pass from one part of a two-part exercise (review
   * then fix) counts only when no check of the other part is still failing.
   */
  recordRun(
    slug: string,
    report: Pick<CheckReport, 'verdict'> & Partial<Pick<CheckReport, 'checks'>>,
  ): ExerciseProgress {
    const progress = this.read();
    const now = this.#access.now();
    const at = now.toISOString();
    const before = progress.exercises[slug];
    // The other part's failing checks stay; this run's checks replace their own entries.
    const ran = new Set(report.checks?.map((c) => c.id));
    const failing: Record<string, string> = Object.fromEntries(
      Object.entries(before?.failing ?? {}).filter(([id]) => !ran.has(id)),
    );
    for (const check of report.checks ?? []) if (check.status !== 'pass') failing[check.id] = check.title.slice(0, 200);
    const stillFailing = report.checks ? Object.keys(failing).length > 0 : false;
    const passesNow = report.verdict === 'pass' && !stillFailing;
    const passed = before?.status === 'passed' || passesNow;
    const next: ExerciseProgress = {
      ...before,
      status: passed ? 'passed' : 'in-progress',
      attempts: (before?.attempts ?? 0) + 1,
      lastAttemptAt: at,
    };
    // A record saved before first attempts were kept has none: the page says "not recorded", not a guess.
    const first = before?.firstAttemptAt ?? (before && before.attempts > 0 ? undefined : at);
    if (first) next.firstAttemptAt = first;
    const passedAt = before?.passedAt ?? (passesNow ? at : undefined);
    if (passedAt) next.passedAt = passedAt;
    if (report.checks) {
      if (Object.keys(failing).length > 0) next.failing = failing;
      else delete next.failing;
      progress.reviews = noteReport(progress.reviews, { exercise: slug, checks: report.checks }, now);
    }
    progress.exercises[slug] = next;
    this.#write(progress);
    return next;
  }

  /** The learner revealed hint number `shown` (1-based) of an exercise; the highest is kept. */
  recordHint(slug: string, shown: number): ExerciseProgress {
    return this.#touch(slug, (entry) => {
      entry.hintsUsed = Math.max(entry.hintsUsed ?? 0, shown);
    });
  }

  /** The learner opened the reference solution; the first time is kept. */
  recordSolutionViewed(slug: string): ExerciseProgress {
    return this.#touch(slug, (entry) => {
      entry.solutionViewedAt ??= this.#access.now().toISOString();
    });
  }

  /** Replace one review card (an answer from the review queue). */
  saveCard(id: string, card: ReviewCard): boolean {
    const progress = this.read();
    progress.reviews = { ...progress.reviews, [id]: card };
    return this.#write(progress);
  }

  /** Changes an exercise's record without a run; an exercise not started becomes started. */
  #touch(slug: string, change: (entry: ExerciseProgress) => void): ExerciseProgress {
    const progress = this.read();
    const entry: ExerciseProgress = progress.exercises[slug]
      ? { ...progress.exercises[slug] }
      : { status: 'in-progress', attempts: 0, lastAttemptAt: this.#access.now().toISOString() };
    change(entry);
    // Without a run, the record's time still has to move on, or sync would keep an older copy over it.
    if (entry.attempts === 0) entry.lastAttemptAt = this.#access.now().toISOString();
    progress.exercises[slug] = entry;
    this.#write(progress);
    return entry;
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

/**
 * Merges two copies of one exercise's record (a backup, another browser): a pass is never lost, the
 * earliest first attempt, pass and solution view and the most hints are kept, and the newer copy says
 * which checks are still failing.
 */
export function mergeExerciseRecords(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  const [newer, older] = a.lastAttemptAt >= b.lastAttemptAt ? [a, b] : [b, a];
  const earliest = (x: string | undefined, y: string | undefined) =>
    [x, y].filter((t): t is string => t !== undefined).sort()[0];
  const merged: ExerciseProgress = {
    status: newer.status === 'passed' || older.status === 'passed' ? 'passed' : 'in-progress',
    attempts: Math.max(a.attempts, b.attempts),
    lastAttemptAt: newer.lastAttemptAt,
  };
  const passedAt = earliest(a.passedAt, b.passedAt);
  if (passedAt) merged.passedAt = passedAt;
  const first = earliest(a.firstAttemptAt, b.firstAttemptAt);
  if (first) merged.firstAttemptAt = first;
  const hints = Math.max(a.hintsUsed ?? 0, b.hintsUsed ?? 0);
  if (a.hintsUsed !== undefined || b.hintsUsed !== undefined) merged.hintsUsed = hints;
  const viewed = earliest(a.solutionViewedAt, b.solutionViewedAt);
  if (viewed) merged.solutionViewedAt = viewed;
  if (newer.failing) merged.failing = newer.failing;
  return merged;
}

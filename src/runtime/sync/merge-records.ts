import { mergeCards } from '../review/review-card.ts';
import { mergeExerciseRecords, type ExerciseProgress, type Progress } from '../storage/progress.ts';
import type { SavedWorkRecord } from '../storage/saved-work.ts';

/**
 * Merging the learner's records from two places (this browser and the team server), exercise by
 * exercise: the newer record wins, so work done offline in one place is not overwritten by an older copy
 * from the other. One rule on top, for progress: a pass is never lost, whichever side is newer (the
 * same promise ProgressStore makes within one browser). Pure, so browser and server merge alike.
 */
export interface SyncedState {
  progress: Progress;
  work: Record<string, SavedWorkRecord>;
}

export function mergeExerciseProgress(
  a: ExerciseProgress | undefined,
  b: ExerciseProgress | undefined,
): ExerciseProgress | undefined {
  if (!a || !b) return a ?? b;
  return mergeExerciseRecords(a, b);
}

export function mergeWork(a: SavedWorkRecord | undefined, b: SavedWorkRecord | undefined): SavedWorkRecord | undefined {
  if (!a || !b) return a ?? b;
  return a.updatedAt >= b.updatedAt ? a : b;
}

export function mergeStates(a: SyncedState, b: SyncedState): SyncedState {
  const exercises: Progress['exercises'] = {};
  for (const slug of new Set([...Object.keys(a.progress.exercises), ...Object.keys(b.progress.exercises)])) {
    const merged = mergeExerciseProgress(a.progress.exercises[slug], b.progress.exercises[slug]);
    if (merged) exercises[slug] = merged;
  }
  const progress: Progress = { version: a.progress.version, exercises };
  const lessons = [a.progress.lastLesson, b.progress.lastLesson].filter((l) => l !== undefined);
  const lastLesson = lessons.sort((x, y) => (x.at < y.at ? 1 : -1))[0];
  if (lastLesson) progress.lastLesson = lastLesson;
  const reviews = mergeCards(a.progress.reviews, b.progress.reviews);
  if (reviews) progress.reviews = reviews;
  const work: SyncedState['work'] = {};
  for (const slug of new Set([...Object.keys(a.work), ...Object.keys(b.work)])) {
    const merged = mergeWork(a.work[slug], b.work[slug]);
    if (merged) work[slug] = merged;
  }
  return { progress, work };
}

/** Whether `merged` holds anything `side` lacks: what an upload (or a download) has to carry. */
export function differs(merged: SyncedState, side: SyncedState): boolean {
  return canonical(merged) !== canonical(side);
}

/** JSON with every object's keys sorted, so two equal states compare equal whatever built them. */
function canonical(state: SyncedState): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, v]) => [k, sort(v)]),
          )
        : value;
  return JSON.stringify(
    sort({
      exercises: state.progress.exercises,
      lastLesson: state.progress.lastLesson ?? null,
      reviews: state.progress.reviews ?? {},
      work: state.work,
    }),
  );
}

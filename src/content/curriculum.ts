import type { LessonFrontmatter, Track } from './schema/lesson.ts';

/** A lesson as the pure helpers need it: id, source file and frontmatter (no Astro types, so Node tests can use it). */
export interface LessonRef {
  id: string;
  filePath: string;
  data: LessonFrontmatter;
}

/**
 * Cross-file rules the per-file schema cannot see. Returns every problem, each naming the file and field,
 * so an author fixes them all in one go instead of one per build.
 */
export function findCurriculumProblems(lessons: readonly LessonRef[], exerciseIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ids = new Set(lessons.map((l) => l.id));
  const seenOrder = new Map<string, string>();
  for (const lesson of lessons) {
    const where = `${lesson.filePath}: frontmatter`;
    const key = `${lesson.data.track}#${lesson.data.order}`;
    const clash = seenOrder.get(key);
    if (clash)
      problems.push(`${where}.order: ${lesson.data.order} is already used in track "${lesson.data.track}" by ${clash}`);
    else seenOrder.set(key, lesson.filePath);
    lesson.data.prerequisites.forEach((p, i) => {
      if (!ids.has(p)) problems.push(`${where}.prerequisites[${i}]: no lesson "${p}" in content/lessons`);
      if (p === lesson.id) problems.push(`${where}.prerequisites[${i}]: a lesson cannot require itself`);
    });
    lesson.data.exercises.forEach((e, i) => {
      if (!exerciseIds.has(e)) problems.push(`${where}.exercises[${i}]: no exercise "${e}" in exercises/`);
    });
  }
  return problems;
}

/** Published lessons of one track in reading order. */
export function lessonsOfTrack<T extends LessonRef>(lessons: readonly T[], track: Track): T[] {
  return lessons.filter((l) => l.data.track === track).sort((a, b) => a.data.order - b.data.order);
}

/** Previous and next lesson inside the same track; the reading path never jumps tracks silently. */
export function neighbours<T extends LessonRef>(lessons: readonly T[], id: string): { prev?: T; next?: T } {
  const current = lessons.find((l) => l.id === id);
  if (!current) return {};
  const inTrack = lessonsOfTrack(lessons, current.data.track);
  const i = inTrack.findIndex((l) => l.id === id);
  const result: { prev?: T; next?: T } = {};
  const prev = inTrack[i - 1];
  const next = inTrack[i + 1];
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

import type { LessonFrontmatter, Track } from './schema/lesson.ts';

/** A lesson as the pure helpers need it: id, source file and frontmatter (no Astro types, so Node tests can use it). */
export interface LessonRef {
  id: string;
  filePath: string;
  data: LessonFrontmatter;
  /** The MDX body, when the caller has it: lets the checks compare embedded exercises with the frontmatter. */
  body?: string | undefined;
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
    if (lesson.body !== undefined) problems.push(...embedMismatches(lesson, lesson.body));
  }
  return problems;
}

/**
 * The frontmatter's `exercises` feeds progress, the track pages and the isolation headers; the body's
 * `<Exercise slug>` is what the learner sees. When they disagree, progress counts an exercise nobody can
 * open, or a page embeds one that its headers and progress ignore, so both directions fail the build.
 */
function embedMismatches(lesson: LessonRef, body: string): string[] {
  const listed = new Set(lesson.data.exercises);
  const embedded = embeddedExercises(body);
  const problems: string[] = [];
  for (const slug of embedded) {
    if (!listed.has(slug)) {
      problems.push(
        `${lesson.filePath}: body embeds <Exercise slug="${slug}" /> but frontmatter.exercises does not list "${slug}"`,
      );
    }
  }
  lesson.data.exercises.forEach((slug, i) => {
    if (!embedded.has(slug)) {
      problems.push(
        `${lesson.filePath}: frontmatter.exercises[${i}]: "${slug}" is listed but the body has no <Exercise slug="${slug}" />`,
      );
    }
  });
  return problems;
}

/** Slugs of `<Exercise slug="…" />` elements, ignoring fenced code blocks (a lesson may show the syntax). */
export function embeddedExercises(body: string): Set<string> {
  const prose = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const slugs = new Set<string>();
  for (const match of prose.matchAll(
    /<Exercise\b[^>]*?\bslug\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g,
  )) {
    const slug = match[1] ?? match[2] ?? match[3];
    if (slug) slugs.add(slug);
  }
  return slugs;
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

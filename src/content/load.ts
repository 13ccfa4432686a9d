import { getCollection, type CollectionEntry } from 'astro:content';
import { findCurriculumProblems } from './curriculum.ts';

export type Lesson = CollectionEntry<'lessons'> & { filePath: string };

let cached: Promise<Lesson[]> | undefined;

/**
 * Published lessons (drafts only in dev), checked across files once per build. A broken reference fails
 * the build with every problem listed, each naming the file and the field.
 */
export function getLessons(): Promise<Lesson[]> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Lesson[]> {
  const entries = await getCollection('lessons', (l) => import.meta.env.DEV || !l.data.draft);
  const lessons = entries.map((l) => ({ ...l, filePath: l.filePath ?? `content/lessons/${l.id}.mdx` }));
  const exercises = await getCollection('exercises');
  const problems = findCurriculumProblems(lessons, new Set(exercises.map((e) => e.id)));
  if (problems.length > 0) {
    throw new Error(`The curriculum has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return lessons;
}

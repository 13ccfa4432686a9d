import { getCollection } from 'astro:content';
import { lessonsOfTrack } from './curriculum.ts';
import { getLessons } from './load.ts';
import { skills } from './skills.ts';
import { tracks } from './tracks.ts';

/** One exercise as the progress page, the review queue and "continue" show it. */
export interface OutlineExercise {
  slug: string;
  title: string;
  /** How many hints it has, for "2 of 3 hints used". */
  hints: number;
  lesson: string;
  lessonTitle: string;
}

export interface OutlineTrack {
  id: string;
  title: string;
  lessons: { id: string; title: string; exercises: OutlineExercise[] }[];
}

/**
 * Every track's lessons and exercises in reading order, and the skill groups over them: built once at
 * build time, handed to the progress islands as JSON (progress itself lives in the browser).
 */
export async function progressOutline(): Promise<{
  tracks: OutlineTrack[];
  exercises: Record<string, OutlineExercise>;
  skills: { id: string; title: string; pillar: string; exercises: string[] }[];
}> {
  const lessons = await getLessons();
  const entries = new Map((await getCollection('exercises')).map((e) => [e.id, e.data]));
  const exercises: Record<string, OutlineExercise> = {};
  const outline = tracks.map((track) => ({
    id: track.id,
    title: track.title,
    lessons: lessonsOfTrack(lessons, track.id).map((l) => ({
      id: l.id,
      title: l.data.title,
      exercises: l.data.exercises.map((slug) => {
        const data = entries.get(slug);
        const exercise = {
          slug,
          title: data?.title ?? slug,
          hints: data?.hints.length ?? 0,
          lesson: l.id,
          lessonTitle: l.data.title,
        };
        exercises[slug] = exercise;
        return exercise;
      }),
    })),
  }));
  const listed = new Set(skills.flatMap((s) => s.exercises));
  const groups: { id: string; title: string; pillar: string; exercises: string[] }[] = skills
    .map((s) => ({ id: s.id, title: s.title, pillar: s.pillar, exercises: s.exercises.filter((e) => e in exercises) }))
    .filter((s) => s.exercises.length > 0);
  const others = Object.keys(exercises).filter((slug) => !listed.has(slug));
  if (others.length > 0) groups.push({ id: 'other', title: 'Other exercises', pillar: '', exercises: others });
  return { tracks: outline, exercises, skills: groups };
}

import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { loadExercise } from '../../runtime/exercise/load-from-disk.ts';

/**
 * One static JSON file per exercise with everything the in-browser engine needs. It is fetched only when
 * the learner starts the exercise, so lesson pages do not carry starter, tests and solution in their HTML.
 * Hidden tests and the solution are in it on purpose: the worker engine grades in the browser
 * (docs/adr/0004-one-engine-interface-three-backends.md).
 */
export const getStaticPaths = (async () => {
  const exercises = await getCollection('exercises');
  return exercises.map((e) => ({ params: { slug: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const slug = params['slug'] ?? '';
  const { bundle } = await loadExercise(join(process.cwd(), 'exercises'), slug);
  return new Response(JSON.stringify(bundle), { headers: { 'Content-Type': 'application/json' } });
};

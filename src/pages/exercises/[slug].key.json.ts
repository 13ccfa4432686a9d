import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { loadExercise } from '../../runtime/exercise/load-from-disk.ts';
import { hasSecretKey, splitAnswerKeys } from '../../runtime/exercise/answer-keys.ts';
import { isTeamModeBuild } from '../../runtime/exercise/team-bundle.ts';

/**
 * The answer keys of an exercise graded against a secret key (review, decision, impact), fetched by the
 * page only when the learner submits. Only exercises with such a key get this file. A mentor who wants the
 * keys private deletes dist/exercises/*.key.json before deploying and grades with the CLI (README), or
 * builds for a team server (CRAFTPATH_TEAM_MODE=1), where no key file is made and the server grades.
 */
export const getStaticPaths = (async () => {
  if (isTeamModeBuild(process.env)) return [];
  const exercises = await getCollection('exercises');
  return exercises.filter((e) => hasSecretKey({ meta: e.data })).map((e) => ({ params: { slug: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { bundle } = await loadExercise(join(process.cwd(), 'exercises'), params['slug'] ?? '');
  const { key } = splitAnswerKeys(bundle);
  return new Response(JSON.stringify(key), { headers: { 'Content-Type': 'application/json' } });
};

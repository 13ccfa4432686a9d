import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { loadExercise } from '../../runtime/exercise/load-from-disk.ts';
import { splitAnswerKeys } from '../../runtime/exercise/answer-keys.ts';
import { isTeamModeBuild, teamModeBundle } from '../../runtime/exercise/team-bundle.ts';

/**
 * One static JSON file per exercise with everything the in-browser engine needs. It is fetched only when
 * the learner starts the exercise, so lesson pages do not carry starter, tests and solution in their HTML.
 * Hidden tests and the solution are in it on purpose: the worker engine grades in the browser
 * (docs/adr/0004-one-engine-interface-three-backends.md). Answer keys of judgment checks (review, decision,
 * impact) are left out and served as [slug].key.json, fetched on submit. Built for a team server
 * (CRAFTPATH_TEAM_MODE=1), it holds none of those secrets: the server grades with them (ADR 9).
 */
export const getStaticPaths = (async () => {
  const exercises = await getCollection('exercises');
  return exercises.map((e) => ({ params: { slug: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const slug = params['slug'] ?? '';
  const { bundle } = await loadExercise(join(process.cwd(), 'exercises'), slug);
  const page = isTeamModeBuild(process.env) ? teamModeBundle(bundle).page : splitAnswerKeys(bundle).page;
  return new Response(JSON.stringify(page), { headers: { 'Content-Type': 'application/json' } });
};

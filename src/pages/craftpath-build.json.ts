import type { APIRoute } from 'astro';
import { isTeamModeBuild } from '../runtime/exercise/team-bundle.ts';

/**
 * How this dist/ was built, read by `npm run serve` (src/server/build-freshness.ts): a team-mode build
 * keeps the exercises' secrets out of dist/, and a rebuild must not quietly put them back.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ teamMode: isTeamModeBuild(process.env) }), {
    headers: { 'Content-Type': 'application/json' },
  });

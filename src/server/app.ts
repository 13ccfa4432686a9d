import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { headersFor } from '../deploy/isolation-headers.ts';
import { CLIENT_IP_HEADER, createAuth } from './auth/auth.ts';
import { loadViewer } from './auth/access.ts';
import { authSecret } from './auth/secret.ts';
import type { AppEnv, ServerDeps, ServerOptions } from './context.ts';
import { DEFAULT_BODY_LIMIT, HttpError } from './http.ts';
import { accountRoutes } from './routes/accounts.ts';
import { adminRoutes } from './routes/admin.ts';
import { cohortRoutes } from './routes/cohorts.ts';
import { invitationRoutes, joinCohort } from './routes/invitations.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { sessionRoutes } from './routes/session.ts';
import { syncRoutes } from './routes/sync.ts';
import type { Store } from './store/database.ts';
import { ExerciseCatalog } from './grading/exercise-catalog.ts';
import { assignmentRoutes } from './routes/assignments.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { signalRoutes } from './routes/signals.ts';
import { reviewThreadRoutes } from './routes/review-threads.ts';
import { reviewDecisionRoutes } from './routes/review-decisions.ts';
import { reviewInboxRoutes } from './routes/review-inbox.ts';
import { notificationRoutes } from './routes/notifications.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The better-auth endpoints the site uses, forwarded one by one (not a wildcard) so the router lists every
 * reachable auth route and the authorisation matrix covers it. Sign-up is ours (/api/accounts).
 */
export const AUTH_ROUTES = [
  { method: 'POST', path: '/api/auth/sign-in/email' },
  { method: 'POST', path: '/api/auth/sign-out' },
  /** Sign out everywhere: deletes every session of the user. */
  { method: 'POST', path: '/api/auth/revoke-sessions' },
  /** SSO start: answers with the identity provider's authorize URL. */
  { method: 'POST', path: '/api/auth/sign-in/social' },
  { method: 'GET', path: '/api/auth/callback/:providerId' },
] as const;

/** One process's server: the API (with auth) and, when distDir is given, the built site, on one origin. */
export async function createTeamServer(
  store: Store,
  options: ServerOptions,
): Promise<{ app: Hono<AppEnv>; deps: ServerDeps }> {
  const secret = await authSecret(store, options.secret);
  const auth = createAuth(store, {
    origin: options.origin,
    secret,
    oidc: options.oidc,
    async onUserCreated(user) {
      const domain = user.email.split('@')[1]?.toLowerCase();
      if (!domain) return;
      const cohorts = await store.db.selectFrom('cohort').select('id').where('auto_join_domain', '=', domain).execute();
      for (const cohort of cohorts) await joinCohort(store, user.id, cohort.id, 'learner');
    },
  });
  const deps: ServerDeps = {
    store,
    auth,
    origin: options.origin,
    oidc: options.oidc,
    mailer: options.mailer,
    version: options.version,
    catalog: options.catalog ?? new ExerciseCatalog(),
    nudgeGrader: options.nudgeGrader ?? (() => {}),
  };
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.toBody(), error.status);
    // The message may carry SQL or stack details; the log gets it, the client a plain sentence.
    console.error('craftpath server error:', error instanceof Error ? error.message : String(error));
    return c.json({ error: 'The server failed; try again.' }, 500);
  });

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.set('clientIp', clientIp(c, options.trustProxy));
    // CSRF: a state change must come from a page of this origin. Browsers send Origin on every
    // cross-origin and same-origin non-GET fetch, so its absence or any other value is refused.
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== options.origin || c.req.header('sec-fetch-site') === 'cross-site') {
        throw new HttpError(403, 'Cross-site request refused: state changes must come from this site.');
      }
    }
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    c.set('viewer', session ? await loadViewer(store, session.user) : null);
    await next();
  });

  for (const route of AUTH_ROUTES) {
    app.on(route.method, route.path, (c) => forwardToAuth(c, deps));
  }
  sessionRoutes(app, deps);
  accountRoutes(app, deps);
  cohortRoutes(app, deps);
  invitationRoutes(app, deps);
  syncRoutes(app, deps);
  privacyRoutes(app, deps);
  adminRoutes(app, deps);
  assignmentRoutes(app, deps);
  submissionRoutes(app, deps);
  dashboardRoutes(app, deps);
  signalRoutes(app, deps);
  reviewThreadRoutes(app, deps);
  reviewDecisionRoutes(app, deps);
  reviewInboxRoutes(app, deps);
  notificationRoutes(app, deps);
  app.all('/api/*', (c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}.` }, 404));

  if (options.distDir) serveSite(app, options.distDir, options);
  return { app, deps };
}

/** Hands the request to better-auth with our client address header (clients' own copies are dropped). */
async function forwardToAuth(c: Context<AppEnv>, deps: ServerDeps): Promise<Response> {
  const body = SAFE_METHODS.has(c.req.method) ? undefined : new Uint8Array(await c.req.arrayBuffer());
  if (body && body.byteLength > DEFAULT_BODY_LIMIT)
    throw new HttpError(413, `The body is larger than ${DEFAULT_BODY_LIMIT} bytes.`);
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, c.get('clientIp'));
  const response = await deps.auth.handler(
    new Request(c.req.url, { method: c.req.method, headers, ...(body ? { body } : {}) }),
  );
  if (c.req.path === '/api/auth/sign-in/email' && response.ok) {
    // better-auth also returns the session token in the body; the HTTP-only cookie is enough, and a
    // token readable by page scripts is what HttpOnly exists to prevent.
    const data = (await response.json()) as Record<string, unknown>;
    delete data['token'];
    const out = new Response(JSON.stringify(data), { status: response.status, headers: response.headers });
    out.headers.delete('content-length');
    return out;
  }
  return response;
}

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? '0.0.0.0';
  } catch {
    // app.request() in tests has no socket: every request is one client.
    return '127.0.0.1';
  }
}

/** dist/ with the same isolation headers as the static hosts (src/deploy/isolation-headers.ts). */
function serveSite(app: Hono<AppEnv>, distDir: string, options: ServerOptions): void {
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headersFor(c.req.path, options.isolated))) c.header(name, value);
  });
  app.use(
    '*',
    serveStatic({
      root: distDir,
      // /lessons/x serves /lessons/x/index.html, as static hosts do.
      rewriteRequestPath: (path) => {
        const file = join(distDir, path);
        return !path.endsWith('/') && existsSync(file) && statSync(file).isDirectory() ? `${path}/` : path;
      },
    }),
  );
  app.notFound((c) => {
    const page = join(distDir, '404.html');
    return existsSync(page) ? c.html(readFileSync(page, 'utf8'), 404) : c.text('Not found', 404);
  });
}

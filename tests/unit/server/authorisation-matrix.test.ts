import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../../src/server/auth/tokens.ts';
import { startHarness, signUp, tokenOf, PASSWORD, type Client, type Harness } from './harness.ts';
import { startIssuer } from './oidc-issuer.ts';
import { TEST_DATABASES } from './stores.ts';

/**
 * Every route of the Hono router × every kind of caller. The route list comes from the router itself, so
 * a new route without a row here fails the first test. "ok" is 2xx; "refused" is 401, 403 or 404 (404
 * where telling a stranger that a cohort exists would leak it). Cohort A is "the" cohort: `mentor` and
 * `learner` belong to it; `otherMentor` and `otherLearner` to cohort B.
 */
const ROLES = ['anonymous', 'learner', 'otherLearner', 'otherMentor', 'mentor', 'owner'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'ok' | 'refused' | 'conflict' | 'redirect';

interface Fixture {
  h: Harness;
  clients: Record<Role, Client>;
  ids: Record<Exclude<Role, 'anonymous'>, string>;
  cohortA: string;
  cohortB: string;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

interface Row {
  /** Prepares what the call needs (a throwaway target) and returns the request; runs once per role. */
  call(fx: Fixture, role: Role): Promise<Call> | Call;
  expect: Record<Role, Outcome>;
  /**
   * The call ends or removes the caller (sign-out, delete account): each role acts as a new user of the
   * same standing (the owner as itself, in a new session), and the shared sessions are renewed after.
   */
  fresh?: true;
  /** The call replaces the caller's session cookie (sign-in, sign-up): send it from a copy of the client. */
  copyClient?: true;
}

const all = (outcome: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<Role, Outcome>;
const signedIn = (outcome: Outcome = 'ok'): Record<Role, Outcome> => ({ ...all(outcome), anonymous: 'refused' });
const ownerOnly: Record<Role, Outcome> = { ...all('refused'), owner: 'ok' };
const staffOfA: Record<Role, Outcome> = { ...all('refused'), mentor: 'ok', owner: 'ok' };

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function throwawayCohort(fx: Fixture): Promise<string> {
  const now = new Date().toISOString();
  const id = newId();
  await fx.h.store.db
    .insertInto('cohort')
    .values({
      id,
      organisation_id: 'team',
      name: unique('c'),
      auto_join_domain: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function invitation(fx: Fixture, cohortId: string, role: 'mentor' | 'learner' = 'learner') {
  const token = newToken();
  const id = newId();
  const now = new Date();
  await fx.h.store.db
    .insertInto('invitation')
    .values({
      id,
      token_hash: hashToken(token),
      cohort_id: cohortId,
      role,
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      uses_left: 5,
      email_domain: null,
      created_by: fx.ids.owner,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return { id, token };
}

/** An assignment of lint-gate in cohort A, open now and due tomorrow, written straight to the store. */
async function assignmentInA(fx: Fixture): Promise<string> {
  const now = new Date().toISOString();
  const id = newId();
  await fx.h.store.db
    .insertInto('assignment')
    .values({
      id,
      cohort_id: fx.cohortA,
      title: 'lint-gate',
      mode: 'assessed',
      opens_at: now,
      due_at: new Date(Date.now() + 86_400_000).toISOString(),
      cutoff_at: null,
      note: '',
      created_by: fx.ids.mentor,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await fx.h.store.db
    .insertInto('assignment_exercise')
    .values({ assignment_id: id, exercise: 'lint-gate', position: 0, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** A revision by cohort A's learner on a fresh assignment. */
async function learnersSubmission(fx: Fixture, files: Record<string, string> = {}): Promise<string> {
  const assignment = await assignmentInA(fx);
  const now = new Date().toISOString();
  const id = newId();
  await fx.h.store.db
    .insertInto('submission')
    .values({
      id,
      assignment_id: assignment,
      user_id: fx.ids.learner,
      exercise: 'lint-gate',
      revision: 1,
      files: JSON.stringify(files),
      browser_report: null,
      content_hash: 'x',
      engine_versions: '{}',
      submitted_at: now,
      late: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A thread by cohort A's mentor on line 1 of a fresh revision by cohort A's learner. */
async function threadInA(fx: Fixture): Promise<string> {
  const submission = await learnersSubmission(fx, { 'src/checkout.ts': 'export {};\n' });
  const now = new Date().toISOString();
  const id = newId();
  await fx.h.store.db
    .insertInto('review_thread')
    .values({
      id,
      submission_id: submission,
      file: 'src/checkout.ts',
      start_line: 1,
      end_line: 1,
      anchor_text: 'export {};',
      label: 'nit',
      blocking: 0,
      resolved: 0,
      author_id: fx.ids.mentor,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A revision of cohort A's learner that the browser passed and the server failed: a disagreement. */
async function disagreeingSubmission(fx: Fixture): Promise<string> {
  const id = await learnersSubmission(fx, { 'src/checkout.ts': 'export {};\n' });
  const now = new Date().toISOString();
  const report = (verdict: 'pass' | 'fail') => ({
    version: 1,
    exercise: 'lint-gate',
    engine: 'node',
    startedAt: now,
    durationMs: 1,
    verdict,
    checks: [{ id: 'gate', kind: 'lint', title: 'Gate', status: verdict, summary: '', durationMs: 1 }],
  });
  await fx.h.store.db
    .updateTable('submission')
    .set({
      files: JSON.stringify({ 'src/checkout.ts': 'export {};\n' }),
      browser_report: JSON.stringify(report('pass')),
    })
    .where('id', '=', id)
    .execute();
  await fx.h.store.db
    .insertInto('server_report')
    .values({
      id: newId(),
      submission_id: id,
      content_hash: 'x',
      engine_versions: '{}',
      report: JSON.stringify(report('fail')),
      verdict: 'fail',
      mismatch: JSON.stringify(['gate']),
      graded_by: 'matrix',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

const learnerOfA: Record<Role, Outcome> = { ...all('refused'), learner: 'ok' };
const cohortA: Record<Role, Outcome> = { ...staffOfA, learner: 'ok' };

const MATRIX: Record<string, Row> = {
  'GET /api/session': { call: () => ({ method: 'GET', path: '/api/session' }), expect: all('ok') },
  'POST /api/accounts': {
    call: async (fx) => ({
      method: 'POST',
      path: '/api/accounts',
      body: {
        name: 'New',
        email: `${unique('n')}@example.com`,
        password: PASSWORD,
        invitation: (await invitation(fx, fx.cohortA)).token,
      },
    }),
    expect: all('ok'),
    copyClient: true,
  },
  'POST /api/auth/sign-in/email': {
    call: () => ({
      method: 'POST',
      path: '/api/auth/sign-in/email',
      body: { email: 'owner@example.com', password: PASSWORD },
    }),
    expect: all('ok'),
    copyClient: true,
  },
  // Signing out without a session is a harmless no-op in better-auth.
  'POST /api/auth/sign-out': {
    call: () => ({ method: 'POST', path: '/api/auth/sign-out', body: {} }),
    expect: all('ok'),
    fresh: true,
  },
  'POST /api/auth/revoke-sessions': {
    call: () => ({ method: 'POST', path: '/api/auth/revoke-sessions', body: {} }),
    expect: signedIn(),
    fresh: true,
  },
  'POST /api/auth/sign-in/social': {
    call: () => ({
      method: 'POST',
      path: '/api/auth/sign-in/social',
      body: { provider: 'sso', callbackURL: '/team/' },
    }),
    expect: all('ok'),
  },
  // Without the state cookie and a code from the issuer, the callback signs nobody in.
  'GET /api/auth/callback/:providerId': {
    call: () => ({ method: 'GET', path: '/api/auth/callback/sso?code=forged&state=forged' }),
    expect: all('redirect'),
  },
  'POST /api/users/:id/password-reset-links': {
    call: (fx) => ({ method: 'POST', path: `/api/users/${fx.ids.learner}/password-reset-links` }),
    expect: ownerOnly,
  },
  'POST /api/password-reset': {
    call: async (fx) => {
      const now = new Date();
      const id = newId();
      await fx.h.store.db
        .insertInto('user')
        .values({
          id,
          name: 'Spare',
          email: `${unique('spare')}@example.com`,
          emailVerified: fx.h.store.kind === 'postgres' ? false : 0,
          image: null,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        })
        .execute();
      const link = await fx.clients.owner.json<{ url: string }>('POST', `/api/users/${id}/password-reset-links`);
      return {
        method: 'POST',
        path: '/api/password-reset',
        body: { token: tokenOf(link.body.url), password: PASSWORD },
      };
    },
    expect: all('ok'),
  },
  'DELETE /api/me': {
    call: () => ({ method: 'DELETE', path: '/api/me' }),
    expect: { ...signedIn(), owner: 'conflict' },
    fresh: true,
  },
  'GET /api/cohorts': { call: () => ({ method: 'GET', path: '/api/cohorts' }), expect: signedIn() },
  'POST /api/cohorts': {
    call: () => ({ method: 'POST', path: '/api/cohorts', body: { name: unique('cohort ') } }),
    expect: ownerOnly,
  },
  'PATCH /api/cohorts/:id': {
    call: (fx) => ({ method: 'PATCH', path: `/api/cohorts/${fx.cohortA}`, body: { name: 'Cohort A' } }),
    expect: ownerOnly,
  },
  'DELETE /api/cohorts/:id': {
    call: async (fx) => ({ method: 'DELETE', path: `/api/cohorts/${await throwawayCohort(fx)}` }),
    expect: ownerOnly,
  },
  'GET /api/cohorts/:id/members': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/members` }),
    expect: staffOfA,
  },
  'PUT /api/cohorts/:id/members/:userId': {
    call: (fx) => ({
      method: 'PUT',
      path: `/api/cohorts/${fx.cohortA}/members/${fx.ids.learner}`,
      body: { role: 'learner' },
    }),
    expect: ownerOnly,
  },
  'DELETE /api/cohorts/:id/members/:userId': {
    call: async (fx) => {
      const now = new Date().toISOString();
      const cohort = await throwawayCohort(fx);
      await fx.h.store.db
        .insertInto('membership')
        .values({ cohort_id: cohort, user_id: fx.ids.learner, role: 'learner', created_at: now, updated_at: now })
        .execute();
      return { method: 'DELETE', path: `/api/cohorts/${cohort}/members/${fx.ids.learner}` };
    },
    expect: ownerOnly,
  },
  'GET /api/cohorts/:id/progress': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/progress` }),
    expect: staffOfA,
  },
  'GET /api/cohorts/:id/invitations': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/invitations` }),
    expect: staffOfA,
  },
  'POST /api/cohorts/:id/invitations': {
    call: (fx) => ({
      method: 'POST',
      path: `/api/cohorts/${fx.cohortA}/invitations`,
      body: { role: 'learner', expiresInDays: 7, maxUses: 3 },
    }),
    expect: staffOfA,
  },
  'DELETE /api/invitations/:id': {
    call: async (fx) => ({ method: 'DELETE', path: `/api/invitations/${(await invitation(fx, fx.cohortA)).id}` }),
    expect: staffOfA,
  },
  'POST /api/invitations/preview': {
    call: async (fx) => ({
      method: 'POST',
      path: '/api/invitations/preview',
      body: { token: (await invitation(fx, fx.cohortA)).token },
    }),
    expect: all('ok'),
  },
  'POST /api/invitations/accept': {
    call: async (fx) => ({
      method: 'POST',
      path: '/api/invitations/accept',
      body: { token: (await invitation(fx, await throwawayCohort(fx))).token },
    }),
    expect: signedIn(),
  },
  'GET /api/sync': { call: () => ({ method: 'GET', path: '/api/sync' }), expect: signedIn() },
  'POST /api/sync': {
    call: () => ({ method: 'POST', path: '/api/sync', body: { progress: { version: 1, exercises: {} }, work: {} } }),
    expect: signedIn(),
  },
  'GET /api/me/export': { call: () => ({ method: 'GET', path: '/api/me/export' }), expect: signedIn() },
  'PATCH /api/organisation': {
    call: () => ({ method: 'PATCH', path: '/api/organisation', body: { retentionDays: 365 } }),
    expect: ownerOnly,
  },
  'GET /api/admin': { call: () => ({ method: 'GET', path: '/api/admin' }), expect: ownerOnly },
  'GET /api/cohorts/:id/assignments': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/assignments` }),
    expect: cohortA,
  },
  'POST /api/cohorts/:id/assignments': {
    call: (fx) => ({
      method: 'POST',
      path: `/api/cohorts/${fx.cohortA}/assignments`,
      body: { exercises: ['lint-gate'], mode: 'practice', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    expect: staffOfA,
  },
  'GET /api/me/assignments': { call: () => ({ method: 'GET', path: '/api/me/assignments' }), expect: signedIn() },
  'PUT /api/assignments/:id/extensions/:userId': {
    call: async (fx) => ({
      method: 'PUT',
      path: `/api/assignments/${await assignmentInA(fx)}/extensions/${fx.ids.learner}`,
      body: { dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    }),
    expect: staffOfA,
  },
  'POST /api/assignments/:id/regrade': {
    call: async (fx) => ({ method: 'POST', path: `/api/assignments/${await assignmentInA(fx)}/regrade` }),
    expect: staffOfA,
  },
  'POST /api/assignments/:id/submissions': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/assignments/${await assignmentInA(fx)}/submissions`,
      body: { exercise: 'lint-gate', files: { 'src/checkout.ts': 'export {};\n' } },
    }),
    expect: learnerOfA,
  },
  'GET /api/assignments/:id/submissions': {
    call: async (fx) => ({ method: 'GET', path: `/api/assignments/${await assignmentInA(fx)}/submissions` }),
    expect: cohortA,
  },
  'GET /api/submissions/:id': {
    call: async (fx) => ({ method: 'GET', path: `/api/submissions/${await learnersSubmission(fx)}` }),
    expect: cohortA,
  },
  'GET /api/cohorts/:id/dashboard': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/dashboard` }),
    expect: staffOfA,
  },
  'GET /api/cohorts/:id/stuck-rule': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/stuck-rule` }),
    expect: staffOfA,
  },
  'PUT /api/cohorts/:id/stuck-rule': {
    call: (fx) => ({
      method: 'PUT',
      path: `/api/cohorts/${fx.cohortA}/stuck-rule`,
      body: { failingSubmissions: 3, idleDays: 5 },
    }),
    expect: staffOfA,
  },
  'GET /api/assignments/:id/first-failures': {
    call: async (fx) => ({ method: 'GET', path: `/api/assignments/${await assignmentInA(fx)}/first-failures` }),
    expect: staffOfA,
  },
  'GET /api/cohorts/:id/export.csv': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/export.csv?layout=canvas` }),
    expect: staffOfA,
  },
  'GET /api/submissions/:id/threads': {
    call: async (fx) => ({ method: 'GET', path: `/api/submissions/${await learnersSubmission(fx)}/threads` }),
    expect: cohortA,
  },
  'POST /api/submissions/:id/threads': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/submissions/${await learnersSubmission(fx, { 'src/checkout.ts': 'export {};\n' })}/threads`,
      body: { file: 'src/checkout.ts', lines: { startLine: 1, endLine: 1 }, label: 'nit', body: 'Name it.' },
    }),
    expect: staffOfA,
  },
  'POST /api/threads/:id/comments': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/threads/${await threadInA(fx)}/comments`,
      body: { body: 'Ok.' },
    }),
    expect: cohortA,
  },
  'POST /api/threads/:id/resolve': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/threads/${await threadInA(fx)}/resolve`,
      body: { resolved: true },
    }),
    expect: cohortA,
  },
  'POST /api/submissions/:id/decision': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/submissions/${await learnersSubmission(fx)}/decision`,
      body: { decision: 'request_changes' },
    }),
    expect: staffOfA,
  },
  'GET /api/submissions/:id/decisions': {
    call: async (fx) => ({ method: 'GET', path: `/api/submissions/${await learnersSubmission(fx)}/decisions` }),
    expect: cohortA,
  },
  'GET /api/submissions/:id/review': {
    call: async (fx) => ({ method: 'GET', path: `/api/submissions/${await learnersSubmission(fx)}/review` }),
    expect: staffOfA,
  },
  'POST /api/submissions/:id/assignee': {
    call: async (fx) => ({
      method: 'POST',
      path: `/api/submissions/${await learnersSubmission(fx)}/assignee`,
      body: { mentorId: fx.ids.mentor },
    }),
    expect: staffOfA,
  },
  // Every mentor has an inbox (of their own cohorts); learners have none.
  'GET /api/review/inbox': {
    call: () => ({ method: 'GET', path: '/api/review/inbox' }),
    expect: { ...all('refused'), mentor: 'ok', otherMentor: 'ok', owner: 'ok' },
  },
  // Bound to the caller: each user sees and marks only their own (tests/unit/server/notifications.test.ts).
  'GET /api/notifications': { call: () => ({ method: 'GET', path: '/api/notifications' }), expect: signedIn() },
  'POST /api/notifications/read': {
    call: () => ({ method: 'POST', path: '/api/notifications/read', body: {} }),
    expect: signedIn(),
  },
  'GET /api/cohorts/:id/signals': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/signals` }),
    expect: staffOfA,
  },
  'POST /api/cohorts/:id/signature-comments': {
    call: async (fx) => {
      await assignmentInA(fx);
      return {
        method: 'POST',
        path: `/api/cohorts/${fx.cohortA}/signature-comments`,
        body: {
          exercise: 'lint-gate',
          signature: { checkId: 'gate', kind: 'lint', value: 'eqeqeq' },
          label: 'suggestion',
          body: 'Compare with `===`.',
        },
      };
    },
    expect: staffOfA,
  },
  'GET /api/submissions/:id/signature-comments': {
    call: async (fx) => ({
      method: 'GET',
      path: `/api/submissions/${await learnersSubmission(fx)}/signature-comments`,
    }),
    expect: cohortA,
  },
  'GET /api/cohorts/:id/disagreements': {
    call: (fx) => ({ method: 'GET', path: `/api/cohorts/${fx.cohortA}/disagreements` }),
    expect: staffOfA,
  },
  // Staff only: the learner of the revision is refused too (the fixture is for the exercise's author).
  'GET /api/submissions/:id/fixture': {
    call: async (fx) => ({ method: 'GET', path: `/api/submissions/${await disagreeingSubmission(fx)}/fixture` }),
    expect: staffOfA,
  },
  // The /api/* middleware (CSRF, session) and the catch-all that answers unknown API paths with 404.
  'ALL /api/*': { call: () => ({ method: 'GET', path: '/api/no-such-route' }), expect: all('refused') },
};

function classify(status: number): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403 || status === 404) return 'refused';
  return `status ${status}` as Outcome;
}

describe.each(TEST_DATABASES)('authorisation matrix on $name', (database) => {
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  const harnesses: Harness[] = [];

  async function fixture(): Promise<Fixture> {
    const h = await startHarness(database, {
      issuer: issuer.issuer,
      clientId: 'craftpath',
      clientSecret: 'not-a-secret',
      name: 'Test IdP',
    });
    harnesses.push(h);
    const owner = h.client();
    const ownerId = (await signUp(owner, 'owner@example.com')).body.id;
    const cohortA = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Cohort A' })).body.id;
    const cohortB = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Cohort B' })).body.id;
    const join = async (email: string, cohort: string, role: 'mentor' | 'learner') => {
      const client = h.client();
      const url = (
        await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort}/invitations`, {
          role,
          expiresInDays: 1,
          maxUses: 1,
        })
      ).body.url;
      const created = await signUp(client, email, tokenOf(url));
      expect(created.status).toBe(201);
      return { client, id: created.body.id };
    };
    const [mentor, learner, otherMentor, otherLearner] = await Promise.all([
      join('mentor@example.com', cohortA, 'mentor'),
      join('learner@example.com', cohortA, 'learner'),
      join('other-mentor@example.com', cohortB, 'mentor'),
      join('other-learner@example.com', cohortB, 'learner'),
    ]);
    return {
      h,
      cohortA,
      cohortB,
      clients: {
        anonymous: h.client(),
        owner,
        mentor: mentor.client,
        learner: learner.client,
        otherMentor: otherMentor.client,
        otherLearner: otherLearner.client,
      },
      ids: {
        owner: ownerId,
        mentor: mentor.id,
        learner: learner.id,
        otherMentor: otherMentor.id,
        otherLearner: otherLearner.id,
      },
    };
  }

  let shared: Fixture;
  beforeAll(async () => {
    issuer = await startIssuer({
      clientId: 'matrix-client',
      clientSecret: 'matrix-secret',
      redirectUri: 'http://localhost/api/auth/callback/sso',
    });
    shared = await fixture();
  });
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    await issuer.stop();
  });

  it('has a row for every route the router serves, and no row for a route that does not exist', () => {
    const routes = new Set(shared.h.app.routes.map((r) => `${r.method} ${r.path}`));
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  /** A new user with the same role as `role` (same cohort, same standing), signed in. */
  async function standIn(fx: Fixture, role: Exclude<Role, 'anonymous' | 'owner'>): Promise<Client> {
    const now = new Date().toISOString();
    const id = newId();
    await fx.h.store.db
      .insertInto('user')
      .values({
        id,
        name: role,
        email: `${unique(role)}@example.com`,
        emailVerified: fx.h.store.kind === 'postgres' ? false : 0,
        image: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const cohort = role === 'learner' || role === 'mentor' ? fx.cohortA : fx.cohortB;
    const cohortRole = role === 'mentor' || role === 'otherMentor' ? 'mentor' : 'learner';
    await fx.h.store.db
      .insertInto('membership')
      .values({ cohort_id: cohort, user_id: id, role: cohortRole, created_at: now, updated_at: now })
      .execute();
    return fx.h.sessionFor(id);
  }

  it.each(Object.entries(MATRIX))('%s', async (_key, row) => {
    const fx = shared;
    const clients: Record<Role, Client> = row.fresh
      ? {
          anonymous: fx.h.client(),
          owner: await fx.h.sessionFor(fx.ids.owner),
          mentor: await standIn(fx, 'mentor'),
          learner: await standIn(fx, 'learner'),
          otherMentor: await standIn(fx, 'otherMentor'),
          otherLearner: await standIn(fx, 'otherLearner'),
        }
      : fx.clients;
    const seen: Partial<Record<Role, Outcome>> = {};
    // Refusals first, so an allowed call that changes state cannot mask a refusal that should have happened.
    const order = [...ROLES].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));
    for (const role of order) {
      const call = await row.call(fx, role);
      const client = row.copyClient ? clients[role].clone() : clients[role];
      const res = await client.request(call.method, call.path, call.body);
      seen[role] = classify(res.status);
    }
    if (row.fresh) fx.clients.owner = await fx.h.sessionFor(fx.ids.owner);
    expect(seen).toEqual(row.expect);
  });
});

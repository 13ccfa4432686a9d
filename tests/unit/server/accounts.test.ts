import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, signIn, signUp, tokenOf, PASSWORD, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

describe.each(TEST_DATABASES)('accounts on $name', (database) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(database);
  });
  afterEach(async () => h.close());

  it('makes the first account the owner, then requires an invitation', async () => {
    const browser = h.client();
    expect((await browser.json('GET', '/api/session')).body).toMatchObject({ server: 'craftpath-team', fresh: true });
    const first = await signUp(browser, 'ada@example.com');
    expect(first).toMatchObject({ status: 201, body: { via: 'founder' } });
    const session = await browser.json<{ user: { owner: boolean; email: string } }>('GET', '/api/session');
    expect(session.body.user).toMatchObject({ email: 'ada@example.com', owner: true });

    const stranger = await signUp(h.client(), 'eve@example.com');
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({ field: 'invitation' });
    expect(await h.store.db.selectFrom('user').select('email').execute()).toHaveLength(1);
  });

  it('gives a fresh server exactly one owner when two people sign up at once, and a one-use link one user', async () => {
    const [a, b] = await Promise.all([signUp(h.client(), 'ada@example.com'), signUp(h.client(), 'bob@example.com')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await h.store.db.selectFrom('user').select('email').execute()).toHaveLength(1);
    expect(await h.store.db.selectFrom('organisation_owner').selectAll().execute()).toHaveLength(1);

    const owner = h.client();
    await signIn(owner, a.status === 201 ? 'ada@example.com' : 'bob@example.com');
    const cohort = await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' });
    const invite = await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort.body.id}/invitations`, {
      role: 'learner',
      expiresInDays: 1,
      maxUses: 1,
    });
    const token = tokenOf(invite.body.url);
    const raced = await Promise.all([
      signUp(h.client(), 'cy@example.com', token),
      signUp(h.client(), 'di@example.com', token),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await h.store.db.selectFrom('membership').selectAll().execute()).toHaveLength(1);
    expect(await h.store.db.selectFrom('user').select('email').execute()).toHaveLength(2);
  });

  it('sets an HTTP-only, SameSite=Lax session cookie and keeps the token out of the body', async () => {
    await signUp(h.client(), 'ada@example.com');
    const browser = h.client();
    const res = await browser.request('POST', '/api/auth/sign-in/email', {
      email: 'ada@example.com',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http://localhost; https origins get Secure (see auth.ts)
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('token');
    const stored = await h.store.db.selectFrom('account').select('password').executeTakeFirstOrThrow();
    expect(stored.password).not.toContain(PASSWORD);
    expect(stored.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/); // better-auth's scrypt salt:key
  });

  it('refuses a wrong password and rate-limits sign-in attempts in the database', async () => {
    await signUp(h.client(), 'ada@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(h.client(), 'ada@example.com', 'wrong password!')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const counters = await h.store.db.selectFrom('rateLimit').selectAll().execute();
    expect(counters.some((r) => r.key.includes('/sign-in/email') && r.count >= 10)).toBe(true);
    // Even the right password waits out the window: the limit is per client, not per guess.
    expect((await signIn(h.client(), 'ada@example.com')).status).toBe(429);
  });

  it('refuses state changes from another origin or without one, changing nothing', async () => {
    const browser = h.client();
    const evil = await browser.request(
      'POST',
      '/api/accounts',
      { name: 'ada', email: 'ada@example.com', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
    const none = await h.app.request('http://localhost/api/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ada', email: 'ada@example.com', password: PASSWORD }),
    });
    expect(none.status).toBe(403);
    expect(await h.store.db.selectFrom('user').selectAll().execute()).toHaveLength(0);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const a = h.client();
    await signUp(a, 'ada@example.com');
    const b = h.client();
    await signIn(b, 'ada@example.com');
    expect((await b.json('GET', '/api/session')).body).toHaveProperty('user');
    expect((await a.request('POST', '/api/auth/revoke-sessions', {})).status).toBe(200);
    expect((await b.json('GET', '/api/session')).body).not.toHaveProperty('user');
    expect(await h.store.db.selectFrom('session').selectAll().execute()).toHaveLength(0);
  });

  it('resets a password with an owner-issued link, once, ending old sessions', async () => {
    const owner = h.client();
    await signUp(owner, 'ada@example.com');
    const cohort = await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' });
    const invite = await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort.body.id}/invitations`, {
      role: 'learner',
      expiresInDays: 7,
      maxUses: 1,
    });
    const learner = h.client();
    const created = await signUp(learner, 'lin@example.com', tokenOf(invite.body.url));
    expect(created.body.via).toBe('invitation');
    expect((await learner.json('POST', `/api/users/${created.body.id}/password-reset-links`)).status).toBe(403);
    const link = await owner.json<{ url: string }>('POST', `/api/users/${created.body.id}/password-reset-links`);
    expect(link.status).toBe(201);
    const anonymous = h.client();
    const reset = await anonymous.json('POST', '/api/password-reset', {
      token: tokenOf(link.body.url),
      password: 'a brand new secret',
    });
    expect(reset.status).toBe(200);
    expect((await learner.json('GET', '/api/session')).body).not.toHaveProperty('user');
    expect((await signIn(h.client(), 'lin@example.com')).status).toBe(401);
    expect((await signIn(h.client(), 'lin@example.com', 'a brand new secret')).status).toBe(200);
    const again = await anonymous.json('POST', '/api/password-reset', {
      token: tokenOf(link.body.url),
      password: 'yet another secret',
    });
    expect(again).toMatchObject({ status: 410, body: { field: 'token' } });
  });
});

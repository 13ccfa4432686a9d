import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcConfigFromEnv } from '../../../src/server/auth/oidc-config.ts';
import { ORIGIN, signUp, startHarness, type Client, type Harness } from './harness.ts';
import { followIdpRedirects, startIssuer, type Issuer } from './oidc-issuer.ts';
import { TEST_DATABASES } from './stores.ts';

describe('OpenID Connect settings from the environment', () => {
  it('is off when none of the three variables is set', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
  });

  it('names the missing variables of a half-configured set, never printing the secret', () => {
    const attempt = () =>
      oidcConfigFromEnv({
        CRAFTPATH_OIDC_ISSUER: 'https://id.example.com',
        CRAFTPATH_OIDC_CLIENT_SECRET: 's3cr3t-value',
      });
    expect(attempt).toThrow(/CRAFTPATH_OIDC_CLIENT_ID/);
    expect(attempt).not.toThrow(/s3cr3t-value/);
  });

  it('refuses a plain-http issuer other than a local test one', () => {
    const env = {
      CRAFTPATH_OIDC_ISSUER: 'http://id.example.com',
      CRAFTPATH_OIDC_CLIENT_ID: 'c',
      CRAFTPATH_OIDC_CLIENT_SECRET: 's',
    };
    expect(() => oidcConfigFromEnv(env)).toThrow(/CRAFTPATH_OIDC_ISSUER must be an https:\/\/ URL/);
    expect(oidcConfigFromEnv({ ...env, CRAFTPATH_OIDC_ISSUER: 'https://id.example.com/' })).toMatchObject({
      issuer: 'https://id.example.com',
      name: 'single sign-on',
    });
  });
});

const CLIENT = {
  clientId: 'craftpath-client',
  clientSecret: 'client-secret-for-tests',
  redirectUri: `${ORIGIN}/api/auth/callback/sso`,
};

describe.each(TEST_DATABASES)('SSO sign-in on $name', (database) => {
  let issuer: Issuer;
  let h: Harness;
  let authorizeEndpoint: string;
  beforeAll(async () => {
    issuer = await startIssuer(CLIENT);
    h = await startHarness(database, {
      issuer: issuer.issuer,
      clientId: CLIENT.clientId,
      clientSecret: CLIENT.clientSecret,
      name: 'Acme ID',
    });
    const discovery = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as {
      authorization_endpoint: string;
    };
    authorizeEndpoint = discovery.authorization_endpoint;
  });
  afterAll(async () => {
    await h.close();
    await issuer.stop();
  });

  /** One browser's whole round trip: our sign-in button, the IdP, back to our callback. */
  async function signInWithSso(browser: Client) {
    const start = await browser.json<{ url: string }>('POST', '/api/auth/sign-in/social', {
      provider: 'sso',
      callbackURL: '/team/',
    });
    expect(start.status).toBe(200);
    const back = await followIdpRedirects(start.body.url, ORIGIN);
    return browser.request('GET', `${back.pathname}${back.search}`);
  }

  it('announces SSO in /api/session and sends the browser to the issuer’s authorize URL with PKCE', async () => {
    const browser = h.client();
    expect((await browser.json('GET', '/api/session')).body).toMatchObject({ sso: 'Acme ID' });
    const res = await browser.json<{ url: string }>('POST', '/api/auth/sign-in/social', {
      provider: 'sso',
      callbackURL: '/team/',
    });
    expect(res.status).toBe(200);
    const url = new URL(res.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(authorizeEndpoint);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      response_type: 'code',
      redirect_uri: CLIENT.redirectUri,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.has('client_secret')).toBe(false);
  });

  it('signs a company user in end to end: code exchanged for tokens, account made, domain cohort joined', async () => {
    const owner = h.client();
    await signUp(owner, 'owner@example.com');
    const cohort = await owner.json<{ id: string }>('POST', '/api/cohorts', {
      name: 'Acme backend',
      autoJoinDomain: 'acme.example',
    });
    expect(cohort.status).toBe(201);
    issuer.signInAs({ sub: 'idp-ada', email: 'ada@acme.example', name: 'Ada Lovelace' });
    const exchangesBefore = issuer.tokenRequests.length;
    const browser = h.client();
    const landed = await signInWithSso(browser);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toMatch(/\/team\/$/);
    // The code went back to the IdP's token endpoint with the client secret and the PKCE verifier.
    expect(issuer.tokenRequests.slice(exchangesBefore)).toEqual([{ ok: true }]);
    const session = await browser.json<{ user?: { email: string; name: string } }>('GET', '/api/session');
    expect(session.body.user).toMatchObject({ email: 'ada@acme.example', name: 'Ada Lovelace' });
    const user = await h.store.db
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'ada@acme.example')
      .executeTakeFirstOrThrow();
    const link = await h.store.db
      .selectFrom('account')
      .select(['providerId', 'accountId'])
      .where('userId', '=', user.id)
      .execute();
    expect(link).toEqual([{ providerId: 'sso', accountId: 'idp-ada' }]);
    const memberships = await h.store.db.selectFrom('membership').selectAll().where('user_id', '=', user.id).execute();
    expect(memberships.map((m) => [m.cohort_id, m.role])).toEqual([[cohort.body.id, 'learner']]);
  });

  it('signs the same IdP user in again as the same account, with no duplicate', async () => {
    issuer.signInAs({ sub: 'idp-ada', email: 'ada@acme.example', name: 'Ada Lovelace' });
    const browser = h.client();
    expect((await signInWithSso(browser)).status).toBe(302);
    expect((await browser.json<{ user?: { email: string } }>('GET', '/api/session')).body.user?.email).toBe(
      'ada@acme.example',
    );
    const users = await h.store.db.selectFrom('user').select('id').where('email', '=', 'ada@acme.example').execute();
    expect(users).toHaveLength(1);
  });

  it('signs nobody in from a callback with a forged state', async () => {
    const browser = h.client();
    const res = await browser.request('GET', '/api/auth/callback/sso?code=forged&state=forged');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('error=');
    expect(res.headers.getSetCookie().some((c) => c.includes('session_token=') && !/max-age=0/i.test(c))).toBe(false);
  });
});

describe('SSO with a client secret the identity provider does not accept', () => {
  let issuer: Issuer;
  let h: Harness;
  beforeAll(async () => {
    issuer = await startIssuer(CLIENT);
    const [database] = TEST_DATABASES;
    if (!database) throw new Error('no test database');
    h = await startHarness(database, {
      issuer: issuer.issuer,
      clientId: CLIENT.clientId,
      clientSecret: 'a-stale-secret',
      name: 'Acme ID',
    });
  });
  afterAll(async () => {
    await h.close();
    await issuer.stop();
  });

  it('refuses at the token exchange and signs nobody in', async () => {
    const browser = h.client();
    const start = await browser.json<{ url: string }>('POST', '/api/auth/sign-in/social', {
      provider: 'sso',
      callbackURL: '/team/',
    });
    const back = await followIdpRedirects(start.body.url, ORIGIN);
    const landed = await browser.request('GET', `${back.pathname}${back.search}`);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toContain('error=');
    expect(issuer.tokenRequests).toEqual([{ ok: false }]);
    expect((await browser.json('GET', '/api/session')).body).not.toHaveProperty('user');
    expect(await h.store.db.selectFrom('user').selectAll().execute()).toHaveLength(0);
  });
});

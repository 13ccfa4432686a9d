import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcConfigFromEnv } from '../../../src/server/auth/oidc-config.ts';
import { ORIGIN, startHarness, type Harness } from './harness.ts';
import { startIssuer } from './oidc-issuer.ts';
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

describe.each(TEST_DATABASES)('SSO sign-in on $name', (database) => {
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let h: Harness;
  beforeAll(async () => {
    issuer = await startIssuer();
    h = await startHarness(database, {
      issuer: issuer.issuer,
      clientId: 'craftpath-client',
      clientSecret: 'not-a-secret',
      name: 'Acme ID',
    });
  });
  afterAll(async () => {
    await h.close();
    await issuer.stop();
  });

  it('announces SSO in /api/session and sends the browser to the issuer’s authorize URL with PKCE', async () => {
    const browser = h.client();
    expect((await browser.json('GET', '/api/session')).body).toMatchObject({ sso: 'Acme ID' });
    const res = await browser.json<{ url: string }>('POST', '/api/auth/sign-in/social', {
      provider: 'sso',
      callbackURL: '/team/',
    });
    expect(res.status).toBe(200);
    const url = new URL(res.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer.issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'craftpath-client',
      response_type: 'code',
      redirect_uri: `${ORIGIN}/api/auth/callback/sso`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.has('client_secret')).toBe(false);
  });

  it('signs nobody in from a callback with a forged state', async () => {
    const browser = h.client();
    const res = await browser.request('GET', '/api/auth/callback/sso?code=forged&state=forged');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('error=');
    expect(res.headers.getSetCookie().some((c) => c.includes('session_token=') && !/max-age=0/i.test(c))).toBe(false);
  });
});

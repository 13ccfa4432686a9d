import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** The person signed in at the identity provider: who the next SSO round trip comes back as. */
export interface IdpAccount {
  sub: string;
  email: string;
  name: string;
}

export interface Issuer {
  issuer: string;
  /** Change who is "logged in at the IdP" for the next sign-in. */
  signInAs(account: IdpAccount): void;
  /** Token requests the provider answered, successful or not: proof the code was really exchanged. */
  tokenRequests: { ok: boolean }[];
  stop(): Promise<void>;
}

/**
 * A real OpenID Provider (the certified `oidc-provider` package) on 127.0.0.1: discovery, authorize with
 * PKCE, the token endpoint with client authentication, signed ID tokens, JWKS and userinfo. Only its
 * login and consent screens are replaced by an automatic "this person is already signed in and
 * consents", which is what a company's IdP does for a signed-in employee.
 */
export async function startIssuer(client: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<Issuer> {
  let account: IdpAccount = { sub: 'idp-ada', email: 'ada@acme.example', name: 'Ada Lovelace' };
  const tokenRequests: { ok: boolean }[] = [];
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('issuer did not listen');
  const issuer = `http://127.0.0.1:${address.port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-only-cookie-key'] },
    // A fresh signing key per issuer: ID tokens are really signed and really verified against its JWKS.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    findAccount: (_ctx, sub) =>
      sub === account.sub
        ? {
            accountId: sub,
            claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }),
          }
        : undefined,
  });
  provider.on('grant.success', () => tokenRequests.push({ ok: true }));
  provider.on('grant.error', () => tokenRequests.push({ ok: false }));

  const oidc = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) void interact(provider, req, res, () => account.sub);
    else oidc(req, res);
  };
  return {
    issuer,
    signInAs(next) {
      account = next;
    },
    tokenRequests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Login then consent, answered at once for the current account, as a signed-in IdP user would. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse, sub: () => string) {
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: sub() } }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = details.session?.accountId ?? sub();
    const grant = new provider.Grant({ accountId, clientId: String(details.params['client_id']) });
    const missing = details.prompt.details['missingOIDCScope'];
    if (Array.isArray(missing)) grant.addOIDCScope(missing.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    res.writeHead(500).end(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A browser at the identity provider: follows its redirects with its own cookies until it is sent back
 * to `origin`, and returns that URL (the callback with ?code=&state=, or with ?error=).
 */
export async function followIdpRedirects(start: string, origin: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === new URL(origin).origin) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = (pair ?? '').split('=');
      if (k) jar.set(k.trim(), v.join('='));
    }
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`the identity provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('the identity provider redirected more than 20 times');
}

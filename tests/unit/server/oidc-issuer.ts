import { createServer, type Server } from 'node:http';

/**
 * A tiny OpenID Connect issuer on 127.0.0.1: only its discovery document, which is all the server reads
 * before redirecting a browser to the identity provider. Enough to test the redirect without an IdP.
 */
export async function startIssuer(): Promise<{ issuer: string; stop(): Promise<void> }> {
  let issuer = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('issuer did not listen');
  issuer = `http://127.0.0.1:${address.port}`;
  return { issuer, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Store } from '../store/database.ts';
import { OIDC_PROVIDER_ID, type OidcConfig } from './oidc-config.ts';

/** The header the app sets from the TCP peer (or the trusted proxy's X-Forwarded-For); clients' copies are dropped. */
export const CLIENT_IP_HEADER = 'x-craftpath-client-ip';

export interface AuthSettings {
  /** The public origin, e.g. https://learn.example.com; cookies are Secure when it is https. */
  origin: string;
  /** Signs cookies and OAuth state; shared by every process (kept in the database, see secret.ts). */
  secret: string;
  oidc: OidcConfig | undefined;
  /** Called after better-auth creates a user by any route (password or SSO): auto-join by domain. */
  onUserCreated(user: { id: string; email: string }): Promise<void>;
}

/** Sign-in attempts per client address per minute, counted in the database so every process agrees. */
export const SIGN_IN_LIMIT = { window: 60, max: 10 } as const;

/**
 * better-auth over the same Kysely instance as the rest of the store, so accounts, sessions and the
 * rate-limit counters live in the one database (several processes behind a load balancer share them).
 * Passwords are hashed with its default scrypt (N=16384, r=16, p=1: memory-hard, 16 MiB per hash).
 * Sign-up is not exposed: accounts are created by /api/accounts, which checks the invitation first.
 */
export function createAuth(store: Store, settings: AuthSettings) {
  const options = {
    appName: 'Craftpath',
    baseURL: settings.origin,
    basePath: '/api/auth',
    secret: settings.secret,
    database: { db: store.db, type: store.kind, transaction: true },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 200, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT, '/sign-in/social': SIGN_IN_LIMIT },
    },
    trustedOrigins: [settings.origin],
    advanced: {
      useSecureCookies: settings.origin.startsWith('https:'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    // A failed SSO round trip lands on the sign-in page, which shows the ?error= code.
    onAPIError: { errorURL: `${settings.origin}/team/` },
    // Errors only, and better-auth's messages carry no passwords or tokens.
    logger: { level: 'error' },
    databaseHooks: {
      user: { create: { after: async (user) => settings.onUserCreated({ id: user.id, email: user.email }) } },
    },
    plugins: settings.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: `${settings.oidc.issuer}/.well-known/openid-configuration`,
                clientId: settings.oidc.clientId,
                clientSecret: settings.oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
  } satisfies BetterAuthOptions;
  return betterAuth(options);
}

export type Auth = ReturnType<typeof createAuth>;

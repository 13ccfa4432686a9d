import { z } from 'astro/zod';

/** The provider id in callback URLs: /api/auth/callback/sso. */
export const OIDC_PROVIDER_ID = 'sso';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says. */
  name: string;
}

const httpsOrLoopback = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'must be an https:// URL (http:// only for a local test issuer on 127.0.0.1 or localhost)');

const oidcEnvSchema = z
  .object({
    /** The identity provider's issuer URL; discovery is read from <issuer>/.well-known/openid-configuration. */
    CRAFTPATH_OIDC_ISSUER: httpsOrLoopback,
    /** The client id registered with the identity provider. */
    CRAFTPATH_OIDC_CLIENT_ID: z.string().min(1),
    /** The client secret registered with it. */
    CRAFTPATH_OIDC_CLIENT_SECRET: z.string().min(1),
    /** Label of the sign-in button; defaults to "single sign-on". */
    CRAFTPATH_OIDC_NAME: z.string().min(1).optional(),
  })
  .strict();

const KEYS = ['CRAFTPATH_OIDC_ISSUER', 'CRAFTPATH_OIDC_CLIENT_ID', 'CRAFTPATH_OIDC_CLIENT_SECRET'] as const;

/**
 * OpenID Connect from the environment: all three of issuer, client id and secret, or none (SSO off). A
 * partial or malformed set stops the server with the variable named, rather than a sign-in button that
 * fails at the identity provider. The secret is never part of the message.
 */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const given = KEYS.filter((key) => env[key]);
  if (given.length === 0) return undefined;
  const missing = KEYS.filter((key) => !env[key]);
  if (missing.length > 0) {
    throw new Error(
      `Single sign-on is half configured: set ${missing.join(' and ')} too, or unset ${given.join(', ')}.`,
    );
  }
  const picked = Object.fromEntries(
    [...KEYS, 'CRAFTPATH_OIDC_NAME'].filter((key) => env[key] !== undefined).map((key) => [key, env[key]]),
  );
  const result = oidcEnvSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? 'OIDC setting'} ${issue?.message ?? 'is invalid'}.`);
  }
  const data = result.data;
  return {
    issuer: data.CRAFTPATH_OIDC_ISSUER.replace(/\/+$/, ''),
    clientId: data.CRAFTPATH_OIDC_CLIENT_ID,
    clientSecret: data.CRAFTPATH_OIDC_CLIENT_SECRET,
    name: data.CRAFTPATH_OIDC_NAME ?? 'single sign-on',
  };
}

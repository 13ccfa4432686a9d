import { readFileSync } from 'node:fs';
import { oidcConfigFromEnv } from './auth/oidc-config.ts';
import { mailConfigFromEnv } from './mail/mail-config.ts';
import type { StoreTarget } from './store/database.ts';
import { storeTarget } from './store/database.ts';

export interface ServerConfig {
  port: number;
  host: string;
  origin: string;
  store: StoreTarget;
  oidc: ReturnType<typeof oidcConfigFromEnv>;
  mail: ReturnType<typeof mailConfigFromEnv>;
  secret: string | undefined;
  trustProxy: boolean;
  version: string;
}

/** Every environment variable the server reads, validated at start so a typo stops it with the name. */
export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env['PORT'] ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env['PORT']}".`);
  const originText = env['CRAFTPATH_ORIGIN'] ?? `http://localhost:${port}`;
  let origin: string;
  try {
    origin = new URL(originText).origin;
  } catch {
    throw new Error(`CRAFTPATH_ORIGIN must be the public URL, e.g. https://learn.example.com, not "${originText}".`);
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    origin,
    store: storeTarget(env),
    oidc: oidcConfigFromEnv(env),
    mail: mailConfigFromEnv(env),
    secret: env['CRAFTPATH_SECRET'] || undefined,
    trustProxy: env['CRAFTPATH_TRUST_PROXY'] === '1',
    version: pkg.version,
  };
}

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
  grader: GraderConfig;
}

export interface GraderConfig {
  /** Whether `npm run serve` runs a grader in its own process (CRAFTPATH_GRADER=0 turns it off). */
  inProcess: boolean;
  /** Gradings at once per process (CRAFTPATH_GRADER_CONCURRENCY). */
  concurrency: number;
  /** Lease of a claimed job, ms (CRAFTPATH_GRADER_LEASE_MS). */
  leaseMs: number;
  /** Grade on a host without every sandbox layer (CRAFTPATH_GRADER_ALLOW_WEAK_SANDBOX=1). */
  allowWeakSandbox: boolean;
}

/** The grader's variables; `npm run grader` reads only these and the database ones. */
export function graderConfigFromEnv(env: NodeJS.ProcessEnv): GraderConfig {
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (text !== '0' && text !== '1') throw new Error(`${name} must be 0 or 1, not "${text}".`);
    return text === '1';
  };
  return {
    inProcess: flag('CRAFTPATH_GRADER', true),
    // One per machine by default: a 2-core machine grading two submissions leaves the API no core.
    concurrency: number('CRAFTPATH_GRADER_CONCURRENCY', 1, 1, 64),
    leaseMs: number('CRAFTPATH_GRADER_LEASE_MS', 60_000, 5_000, 3_600_000),
    allowWeakSandbox: flag('CRAFTPATH_GRADER_ALLOW_WEAK_SANDBOX', false),
  };
}

/**
 * CRAFTPATH_ORIGIN, the public URL every link in a notification or mail starts with. A separate grader
 * process reads it too, so the links it mails point at the site, not at the grader's machine.
 */
export function originFromEnv(env: NodeJS.ProcessEnv, port: number): string {
  const originText = env['CRAFTPATH_ORIGIN'] ?? `http://localhost:${port}`;
  try {
    return new URL(originText).origin;
  } catch {
    throw new Error(`CRAFTPATH_ORIGIN must be the public URL, e.g. https://learn.example.com, not "${originText}".`);
  }
}

/** Every environment variable the server reads, validated at start so a typo stops it with the name. */
export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env['PORT'] ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env['PORT']}".`);
  const origin = originFromEnv(env, port);
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
    grader: graderConfigFromEnv(env),
  };
}

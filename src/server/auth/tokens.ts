import { createHash, randomBytes } from 'node:crypto';

/** A link token: 32 random bytes, URL-safe. Only its hash is stored, so a database leak opens no link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Row ids: random, URL-safe, and matching the API's id pattern. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

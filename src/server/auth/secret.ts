import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database.ts';

/**
 * The auth secret: CRAFTPATH_SECRET when set, else one generated on first start and kept in the
 * database, so a team needs no set-up and every process behind a load balancer signs with the same key.
 * Insert-if-absent then read: two processes starting together agree on whichever insert won.
 */
export async function authSecret(store: Store, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('CRAFTPATH_SECRET must be at least 32 characters.');
    return fromEnv;
  }
  const now = new Date().toISOString();
  await store.db
    .insertInto('server_setting')
    .values({ key: 'auth_secret', value: randomBytes(32).toString('base64url'), created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await store.db
    .selectFrom('server_setting')
    .select('value')
    .where('key', '=', 'auth_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}

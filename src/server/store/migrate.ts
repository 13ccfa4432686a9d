import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseKind } from './database.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Thrown instead of starting when the database was migrated by a newer Craftpath. */
export class DatabaseTooNewError extends Error {}

/**
 * Forward-only migrations, one transaction each (SQLite and PostgreSQL both roll back DDL), so a crash
 * mid-migration leaves the previous version intact. On PostgreSQL a transaction-scoped advisory lock
 * makes several server processes starting together migrate once; each re-reads the version under the lock.
 * A database whose version is above the newest migration this code knows was written by newer code: we
 * refuse to start rather than run old code against a schema it does not understand.
 */
export async function migrate(
  db: Kysely<Database>,
  kind: DatabaseKind,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const newest = migrations.at(-1)?.version ?? 0;
  const from = await db.transaction().execute(async (trx) => {
    await lock(trx, kind);
    await trx.schema
      .createTable('schema_migration')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    return currentVersion(trx);
  });
  if (from > newest) {
    throw new DatabaseTooNewError(
      `The database is at schema version ${from}, but this Craftpath knows versions up to ${newest}: ` +
        'it was upgraded by a newer release. Run that release (or newer); nothing was changed.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    await db.transaction().execute(async (trx) => {
      await lock(trx, kind);
      if ((await currentVersion(trx)) >= migration.version) return;
      await migration.up(trx, kind);
      await trx
        .insertInto('schema_migration')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    });
  }
  return { from, to: Math.max(from, newest) };
}

async function lock(trx: Transaction<Database>, kind: DatabaseKind): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('craftpath-migrate'))`.execute(trx);
}

async function currentVersion(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('schema_migration')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { nodeSqliteDialect } from './sqlite-dialect.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the admin page: a file path, or the PostgreSQL host and database. */
  location: string;
  close(): Promise<void>;
}

export type StoreTarget =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** Schema to put every table in (tests use a fresh one per file); the default is `public`. */
      schema?: string;
    };

/** DATABASE_URL picks PostgreSQL; otherwise the embedded database file in the data directory. */
export function storeTarget(env: NodeJS.ProcessEnv): StoreTarget {
  const url = env['DATABASE_URL'];
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset for the embedded database.');
    }
    return { kind: 'postgres', url };
  }
  const dir = env['CRAFTPATH_DATA_DIR'] || 'data';
  return { kind: 'sqlite', file: join(dir, 'craftpath.sqlite') };
}

/** Opens the database, creating the file on first start, and migrates it (or refuses, see migrate.ts). */
export async function openStore(target: StoreTarget): Promise<Store> {
  const store = target.kind === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, target.schema);
  try {
    await migrate(store.db, store.kind);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const database = new DatabaseSync(file);
  // WAL: readers never block the writer; synchronous=FULL: a committed write survives a crash of the
  // process and of the machine; busy_timeout: a second process waits for the lock instead of failing.
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
  database.exec('PRAGMA foreign_keys = ON;');
  const db = new Kysely<Database>({ dialect: nodeSqliteDialect(database) });
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

/** int8 (bigint and count(*)) as numbers: every such value here is a count or a millisecond time. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string, schema: string | undefined): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const { hostname, pathname } = new URL(url);
  return { db, kind: 'postgres', location: `${hostname}${pathname}`, close: () => db.destroy() };
}

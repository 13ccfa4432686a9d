import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreTarget } from '../../../src/server/store/database.ts';

/**
 * The databases every store test runs against: the embedded one always, PostgreSQL when
 * TEST_DATABASE_URL is set (.ci/run sets it). Each target is fresh: a new SQLite file in a temp folder,
 * or a new PostgreSQL schema, dropped by `dispose`.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  create(): Promise<{ target: StoreTarget; dispose(): Promise<void> }>;
}

export const TEST_DATABASES: TestDatabase[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'craftpath-store-'));
      return {
        target: { kind: 'sqlite', file: join(dir, 'craftpath.sqlite') },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(process.env['TEST_DATABASE_URL'] ? [postgres(process.env['TEST_DATABASE_URL'])] : []),
];

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async create() {
      const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      return {
        target: { kind: 'postgres', url, schema },
        async dispose() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop schema ${schema} cascade`);
          await client.end();
        },
      };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/store/database.ts';
import { DatabaseTooNewError, migrate } from '../../../src/server/store/migrate.ts';
import { MIGRATIONS } from '../../../src/server/store/migrations/index.ts';
import { TEST_DATABASES } from './stores.ts';

describe.each(TEST_DATABASES)('migrations on $name', (database) => {
  it('creates every table on first start and does nothing on the next', async () => {
    const { target, dispose } = await database.create();
    try {
      const store = await openStore(target);
      const versions = await store.db.selectFrom('schema_migration').select('version').orderBy('version').execute();
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const org = await store.db.selectFrom('organisation').selectAll().execute();
      expect(org).toHaveLength(1);
      await store.close();
      const again = await openStore(target);
      expect(await migrate(again.db, again.kind)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
      expect(await again.db.selectFrom('organisation').selectAll().execute()).toHaveLength(1);
      await again.close();
    } finally {
      await dispose();
    }
  });

  it('rolls a failing migration back whole, leaving the previous version', async () => {
    const { target, dispose } = await database.create();
    try {
      const store = await openStore(target);
      const broken = {
        version: MIGRATIONS.length + 1,
        name: 'half done',
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        async up(db: any) {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('disk full');
        },
      };
      await expect(migrate(store.db, store.kind, [...MIGRATIONS, broken])).rejects.toThrow('disk full');
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('half_done');
      const top = await store.db
        .selectFrom('schema_migration')
        .select('version')
        .orderBy('version', 'desc')
        .executeTakeFirst();
      expect(top?.version).toBe(MIGRATIONS.length);
      await store.close();
    } finally {
      await dispose();
    }
  });

  it('refuses to start on a database migrated by newer code, and changes nothing', async () => {
    const { target, dispose } = await database.create();
    try {
      const store = await openStore(target);
      await store.db
        .insertInto('schema_migration')
        .values({ version: 99, name: 'from the future', applied_at: new Date().toISOString() })
        .execute();
      await store.close();
      await expect(openStore(target)).rejects.toThrow(DatabaseTooNewError);
      await expect(openStore(target)).rejects.toThrow(
        new RegExp(`schema version 99.*knows versions up to ${MIGRATIONS.length}`),
      );
    } finally {
      await dispose();
    }
  });
});

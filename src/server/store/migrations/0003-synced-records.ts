import type { Migration } from './index.ts';

/** The learner's progress and saved code, one row per record the browser keeps (see src/runtime/sync). */
export const syncedRecords: Migration = {
  version: 3,
  name: 'synced records',
  async up(db) {
    await db.schema
      .createTable('synced_record')
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('record_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('synced_record_pk', ['user_id', 'kind', 'name'])
      .execute();
  },
};

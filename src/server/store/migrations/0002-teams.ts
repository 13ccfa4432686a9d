import { sql } from 'kysely';
import type { Migration } from './index.ts';

/** Shared settings, the one organisation a server holds, its owners, cohorts, memberships, invitations and reset links. */
export const teams: Migration = {
  version: 2,
  name: 'teams',
  async up(db) {
    // Settings every server process shares, such as the generated auth secret (never in a process only).
    await db.schema
      .createTable('server_setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('organisation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('founder_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('retention_days', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    // A server is one team: its organisation exists from the first start, claimed by the first account.
    await db
      .insertInto('organisation')
      .values({
        id: 'team',
        name: 'Team',
        founder_user_id: null,
        retention_days: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db.schema
      .createTable('organisation_owner')
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('organisation_owner_pk', ['organisation_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('cohort')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('auto_join_domain', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('membership')
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sqlRole()))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('membership_pk', ['cohort_id', 'user_id'])
      .execute();
    await db.schema.createIndex('membership_user').on('membership').column('user_id').execute();
    await db.schema
      .createTable('invitation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sqlRole()))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('uses_left', 'integer', (c) => c.notNull())
      .addColumn('email_domain', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('password_reset')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

function sqlRole() {
  return sql`role in ('mentor', 'learner')`;
}

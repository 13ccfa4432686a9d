import { sql } from 'kysely';
import type { Migration } from './index.ts';

/**
 * Assignments, their per-learner extensions, immutable submission revisions, the grading queue and the
 * server's reports. Revisions and reports are append-only: a resubmission is a new revision, a regrade a
 * new report under the exercise's new content hash. JSON bodies are text on both databases.
 */
export const assignments: Migration = {
  version: 4,
  name: 'assignments and grading',
  async up(db) {
    await db.schema
      .createTable('assignment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('practice', 'assessed')`))
      .addColumn('opens_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('cutoff_at', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assignment_cohort').on('assignment').column('cohort_id').execute();
    await db.schema
      .createTable('assignment_exercise')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('exercise', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_exercise_pk', ['assignment_id', 'exercise'])
      .execute();
    await db.schema
      .createTable('assignment_extension')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_extension_pk', ['assignment_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('submission')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('exercise', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('files', 'text', (c) => c.notNull())
      .addColumn('browser_report', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('engine_versions', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // Two submits racing for one revision number: one wins, the other retries with the next number.
      .addUniqueConstraint('submission_revision', ['assignment_id', 'user_id', 'exercise', 'revision'])
      .execute();
    await db.schema
      .createTable('grading_job')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('enqueued_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // One job per submission and content: a duplicate enqueue (a regrade clicked twice) is a no-op.
      .addUniqueConstraint('grading_job_once', ['submission_id', 'content_hash'])
      .execute();
    await db.schema.createIndex('grading_job_pending').on('grading_job').columns(['status', 'enqueued_at']).execute();
    await db.schema
      .createTable('server_report')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('engine_versions', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('mismatch', 'text', (c) => c.notNull())
      .addColumn('graded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // The idempotency of grading: a second grader finishing the same job inserts nothing.
      .addUniqueConstraint('server_report_once', ['submission_id', 'content_hash'])
      .execute();
  },
};

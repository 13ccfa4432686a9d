import { sql } from 'kysely';
import type { Migration } from './index.ts';

/**
 * Mentor review and the cohort dashboard: who reviews a learner's work, comment threads anchored to lines
 * of one revision, the mentor's decision on a revision, in-site notifications, comments attached to a
 * failure signature for a whole cohort, and each cohort's rule for "stuck". Threads anchor to the revision
 * they were written on and carry the anchored text, so a later revision re-anchors them by that text.
 */
export const mentorReview: Migration = {
  version: 5,
  name: 'mentor review',
  async up(db) {
    await db.schema
      .createTable('review_assignee')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('exercise', 'text', (c) => c.notNull())
      .addColumn('mentor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('assigned_by', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // One reviewer per learner's line of work on one exercise: it outlives resubmissions.
      .addPrimaryKeyConstraint('review_assignee_pk', ['assignment_id', 'user_id', 'exercise'])
      .execute();
    await db.schema
      .createTable('review_thread')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('start_line', 'integer', (c) => c.notNull())
      .addColumn('end_line', 'integer', (c) => c.notNull())
      .addColumn('anchor_text', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) =>
        c
          .notNull()
          .check(sql`label in ('praise', 'suggestion', 'issue', 'question', 'nit', 'thought', 'todo', 'chore')`),
      )
      .addColumn('blocking', 'integer', (c) => c.notNull())
      .addColumn('resolved', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_thread_submission').on('review_thread').column('submission_id').execute();
    await db.schema
      .createTable('review_comment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('thread_id', 'text', (c) => c.notNull().references('review_thread.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('review_comment_thread')
      .on('review_comment')
      .columns(['thread_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('review_decision')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('mentor_id', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'request_changes')`))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_decision_submission').on('review_decision').column('submission_id').execute();
    await db.schema
      .createTable('notification')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('submission_id', 'text', (c) => c.references('submission.id').onDelete('cascade'))
      .addColumn('thread_id', 'text', (c) => c.references('review_thread.id').onDelete('cascade'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notification_user').on('notification').columns(['user_id', 'created_at']).execute();
    await db.schema
      .createTable('signature_comment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
      .addColumn('exercise', 'text', (c) => c.notNull())
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('signature_kind', 'text', (c) =>
        c.notNull().check(sql`signature_kind in ('test', 'lint', 'defect', 'type')`),
      )
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('signature_comment_cohort')
      .on('signature_comment')
      .columns(['cohort_id', 'exercise'])
      .execute();
    // A server report's failure signatures, written with the report: reach and "which revisions carry this
    // failure" are then one indexed join, not a parse of every report per request.
    await db.schema
      .createTable('report_signature')
      .addColumn('server_report_id', 'text', (c) => c.notNull().references('server_report.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('signature_kind', 'text', (c) =>
        c.notNull().check(sql`signature_kind in ('test', 'lint', 'defect', 'type')`),
      )
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_signature_pk', ['server_report_id', 'check_id', 'signature_kind', 'signature'])
      .execute();
    await db.schema
      .createIndex('report_signature_value')
      .on('report_signature')
      .columns(['signature_kind', 'signature', 'check_id'])
      .execute();
    // Which learner has been told of which signature comment: the once-per-comment rule, kept by the key.
    await db.schema
      .createTable('signature_notice')
      .addColumn('signature_comment_id', 'text', (c) =>
        c.notNull().references('signature_comment.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.references('submission.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('signature_notice_pk', ['signature_comment_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('cohort_stuck_rule')
      .addColumn('cohort_id', 'text', (c) => c.primaryKey().references('cohort.id').onDelete('cascade'))
      .addColumn('failing_submissions', 'integer')
      .addColumn('idle_days', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The dashboard reads every revision of a cohort's assignments in one query per page.
    await db.schema
      .createIndex('submission_assignment_user')
      .on('submission')
      .columns(['assignment_id', 'user_id'])
      .execute();
  },
};

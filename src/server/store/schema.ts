/**
 * The tables Kysely queries, as TypeScript types. better-auth owns `user`, `session`, `account`,
 * `verification` and `rateLimit` (its names, camelCase columns; dates are ISO text on SQLite and
 * timestamptz on PostgreSQL, which its adapter converts). Craftpath's own tables are snake_case with ISO
 * text times on both databases, so their rows read the same everywhere.
 */

/** Better-auth dates: Date on PostgreSQL, ISO text on SQLite. */
type AuthDate = Date | string;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface SessionTable {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthDate | null;
  refreshTokenExpiresAt: AuthDate | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: number;
}

export interface Timestamps {
  /** ISO time the row was created. */
  created_at: string;
  /** ISO time the row last changed. */
  updated_at: string;
}

export interface OrganisationTable extends Timestamps {
  id: string;
  name: string;
  /** The user whose sign-up claimed the fresh server; set once, by an atomic update. */
  founder_user_id: string | null;
  /** Days synced records of inactive learners are kept; null keeps them until deleted. */
  retention_days: number | null;
}

export interface OwnerTable extends Timestamps {
  organisation_id: string;
  user_id: string;
}

export interface CohortTable extends Timestamps {
  id: string;
  organisation_id: string;
  name: string;
  /** Email domain whose new accounts join this cohort as learners, without an invitation. */
  auto_join_domain: string | null;
}

export type CohortRole = 'mentor' | 'learner';

export interface MembershipTable extends Timestamps {
  cohort_id: string;
  user_id: string;
  role: CohortRole;
}

export interface InvitationTable extends Timestamps {
  id: string;
  /** SHA-256 of the token in the link; the token itself is never stored. */
  token_hash: string;
  cohort_id: string;
  role: CohortRole;
  expires_at: string;
  uses_left: number;
  /** When set, only emails of this domain may accept. */
  email_domain: string | null;
  created_by: string;
}

export interface PasswordResetTable extends Timestamps {
  id: string;
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_by: string;
}

export type SyncedKind = 'progress' | 'work' | 'lesson' | 'review';

export interface SyncedRecordTable extends Timestamps {
  user_id: string;
  kind: SyncedKind;
  /** Exercise slug for progress and work; card id for a review card; empty for the last-lesson record. */
  name: string;
  /** The browser's versioned record, as JSON text. */
  body: string;
  /** The record's own time (lastAttemptAt, updatedAt, at): what "newer wins" compares. */
  record_at: string;
}

export interface ServerSettingTable extends Timestamps {
  key: string;
  value: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export type AssignmentMode = 'practice' | 'assessed';

export interface AssignmentTable extends Timestamps {
  id: string;
  cohort_id: string;
  /** What learners see as the assignment's name (the exercise, lesson or track it was made from). */
  title: string;
  /** practice: the browser's grade is the feedback; assessed: only the server's counts. */
  mode: AssignmentMode;
  /** ISO time submissions open. */
  opens_at: string;
  /** ISO time after which a submission is marked late. */
  due_at: string;
  /** ISO time after which submissions are refused; null never refuses. */
  cutoff_at: string | null;
  /** The mentor's note to learners. */
  note: string;
  created_by: string | null;
}

export interface AssignmentExerciseTable extends Timestamps {
  assignment_id: string;
  /** Exercise slug (folder under exercises/). */
  exercise: string;
  /** Order shown to learners, from 0. */
  position: number;
}

export interface AssignmentExtensionTable extends Timestamps {
  assignment_id: string;
  user_id: string;
  /** This learner's due time, replacing the assignment's. */
  due_at: string;
}

export interface SubmissionTable extends Timestamps {
  id: string;
  assignment_id: string;
  user_id: string;
  exercise: string;
  /** 1, 2, …: per learner, assignment and exercise. */
  revision: number;
  /** The learner's editable files, JSON object path → text. */
  files: string;
  /** The browser's CheckReport as JSON, or null when the browser sent none. */
  browser_report: string | null;
  /** SHA-256 of the exercise folder the server held when the revision arrived. */
  content_hash: string;
  /** JSON object: the browser's engine and tool versions as it reported them. */
  engine_versions: string;
  submitted_at: string;
  /** 1 when submitted after the learner's due time (with extension). */
  late: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface GradingJobTable extends Timestamps {
  id: string;
  submission_id: string;
  /** Content hash the job grades against; one job per submission and hash. */
  content_hash: string;
  status: JobStatus;
  /** Grader holding the job while running; another takes it once lease_expires_at passes. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  /** Why the last attempt failed (grader crash, exercise missing); never learner output. */
  last_error: string | null;
  /** Queue order. */
  enqueued_at: string;
}

export interface ServerReportTable extends Timestamps {
  id: string;
  submission_id: string;
  /** Content hash of the exercise the report was graded against. */
  content_hash: string;
  /** JSON object: node, eslint and vitest versions of the grader. */
  engine_versions: string;
  /** The server's CheckReport as JSON. */
  report: string;
  verdict: string;
  /** JSON array of check ids whose status differs from the browser's report. */
  mismatch: string;
  /** Grader id that wrote it. */
  graded_by: string;
}

/** Who reviews one learner's work on one exercise of an assignment; absent: any mentor of the cohort. */
export interface ReviewAssigneeTable extends Timestamps {
  assignment_id: string;
  user_id: string;
  exercise: string;
  mentor_id: string;
  assigned_by: string | null;
}

/** Conventional Comments labels (conventionalcomments.org). */
export type CommentLabel = 'praise' | 'suggestion' | 'issue' | 'question' | 'nit' | 'thought' | 'todo' | 'chore';

export interface ReviewThreadTable extends Timestamps {
  id: string;
  /** The revision the thread was written on. */
  submission_id: string;
  file: string;
  /** 1-based, inclusive, in that revision's file. */
  start_line: number;
  end_line: number;
  /** The lines start_line..end_line as they read then: how a later revision finds the same code. */
  anchor_text: string;
  label: CommentLabel;
  /** 1 when the learner must address it before approval. */
  blocking: number;
  resolved: number;
  author_id: string | null;
}

/** A thread's messages: the first is the opening comment, the rest replies; Markdown. */
export interface ReviewCommentTable extends Timestamps {
  id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
}

export type ReviewDecisionKind = 'approve' | 'request_changes';

export interface ReviewDecisionTable extends Timestamps {
  id: string;
  submission_id: string;
  mentor_id: string | null;
  decision: ReviewDecisionKind;
  /** The mentor's summary, Markdown; may be empty. */
  body: string;
}

export interface NotificationTable extends Timestamps {
  id: string;
  user_id: string;
  /** What happened, e.g. 'comment', 'reply', 'decision', 'signature-comment'. */
  kind: string;
  submission_id: string | null;
  thread_id: string | null;
  /** One line for the list, plain text. */
  summary: string;
  /** Site path to open, e.g. the exercise or the review page. */
  link: string;
  read_at: string | null;
}

export type SignatureKind = 'test' | 'lint' | 'defect' | 'type';

/** A comment on a failure, shown on every current and future revision in the cohort with that failure. */
export interface SignatureCommentTable extends Timestamps {
  id: string;
  cohort_id: string;
  exercise: string;
  /** The check whose result carries the failure. */
  check_id: string;
  signature_kind: SignatureKind;
  /** A test's full name, a lint rule id, or a seeded defect id. */
  signature: string;
  label: CommentLabel;
  body: string;
  author_id: string | null;
}

/** One failure signature of one server report (see src/runtime/report/failure-signatures.ts). */
export interface ReportSignatureTable extends Timestamps {
  server_report_id: string;
  submission_id: string;
  check_id: string;
  signature_kind: SignatureKind;
  /** A test's full name, a lint rule id, or a seeded defect id. */
  signature: string;
}

/** A learner told of a signature comment (in the site and by mail): at most once per comment. */
export interface SignatureNoticeTable extends Timestamps {
  signature_comment_id: string;
  user_id: string;
  /** The revision that carried the signature when the learner was told. */
  submission_id: string | null;
}

/** When a learner counts as stuck; a null part is off. */
export interface CohortStuckRuleTable extends Timestamps {
  cohort_id: string;
  /** Consecutive failing server verdicts on one exercise. */
  failing_submissions: number | null;
  /**
   * Days without activity (a submission, or synced code or progress for the exercise; counted from the
   * opening for work never touched) while the exercise is unfinished.
   */
  idle_days: number | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  server_setting: ServerSettingTable;
  organisation: OrganisationTable;
  organisation_owner: OwnerTable;
  cohort: CohortTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  synced_record: SyncedRecordTable;
  assignment: AssignmentTable;
  assignment_exercise: AssignmentExerciseTable;
  assignment_extension: AssignmentExtensionTable;
  submission: SubmissionTable;
  grading_job: GradingJobTable;
  server_report: ServerReportTable;
  review_assignee: ReviewAssigneeTable;
  review_thread: ReviewThreadTable;
  review_comment: ReviewCommentTable;
  review_decision: ReviewDecisionTable;
  notification: NotificationTable;
  signature_comment: SignatureCommentTable;
  report_signature: ReportSignatureTable;
  signature_notice: SignatureNoticeTable;
  cohort_stuck_rule: CohortStuckRuleTable;
  schema_migration: SchemaMigrationTable;
}

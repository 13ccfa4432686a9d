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
  schema_migration: SchemaMigrationTable;
}

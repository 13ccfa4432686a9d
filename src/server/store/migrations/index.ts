import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../database.ts';
import { accounts } from './0001-accounts.ts';
import { teams } from './0002-teams.ts';
import { syncedRecords } from './0003-synced-records.ts';
import { assignments } from './0004-assignments.ts';
import { mentorReview } from './0005-mentor-review.ts';

export interface Migration {
  /** Consecutive from 1; the database records the highest applied. */
  version: number;
  name: string;
  /** Runs inside the migration's transaction. Never edit a released migration: add the next one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema before it, not today's types
  up(db: Kysely<any>, kind: DatabaseKind): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [accounts, teams, syncedRecords, assignments, mentorReview];

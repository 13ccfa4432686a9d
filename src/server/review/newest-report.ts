import { sql } from 'kysely';

/**
 * Keeps a server report (aliased `r`) only when it is its revision's newest: a regrade appends a report
 * and never edits one, so "the revision's verdict" is always the last written (ids break a time tie).
 */
export const isNewestReport = sql<boolean>`not exists (
  select 1 from server_report newer
  where newer.submission_id = r.submission_id
    and (newer.created_at > r.created_at or (newer.created_at = r.created_at and newer.id > r.id))
)`;

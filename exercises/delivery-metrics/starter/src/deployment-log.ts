/**
 * What the CD system and the incident tracker export for one service. Timestamps are ISO 8601 strings
 * with an offset, written by runners in different regions: "2026-03-01T23:30:00-05:00" and
 * "2026-03-02T04:30:00Z" are the same instant.
 */

export interface Commit {
  sha: string;
  committedAt: string;
}

export interface Deployment {
  id: string;
  startedAt: string;
  /** When the change was live in production (or the attempt gave up): the time a deployment counts at. */
  finishedAt: string;
  /**
   * release: ships commits; rollback: returns to an earlier version; redeploy: the same version again
   * (a restart, a config push). Only releases deliver change.
   */
  kind: 'release' | 'rollback' | 'redeploy';
  /** A failed deployment never reached production and shipped nothing. */
  status: 'succeeded' | 'failed';
  /** Commits in this deployment; a commit can appear again in later deployments. */
  commits: Commit[];
  /** For a rollback: the id of the release it undid. */
  rollsBack?: string;
}

export interface Incident {
  id: string;
  openedAt: string;
  /** Absent while the incident is still open. */
  resolvedAt?: string;
  /** The deployment the postmortem blames; absent when none did (a provider outage, a traffic spike). */
  causedBy?: string;
}

/** A reporting window: instants, `from` included, `to` excluded. */
export interface Window {
  from: string;
  to: string;
  /** The team's offset from UTC in minutes (e.g. -300 for New York in winter), for calendar days. */
  utcOffsetMinutes: number;
}

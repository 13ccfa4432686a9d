/** Timeline entries of incident/timeline.md. */
export type TimelineId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9';

/** Kinds of contributing factor the review template offers. */
export type FactorCategory =
  | 'no-staged-rollout' // the change reached everything at once
  | 'missing-guardrail' // nothing checked a limit the change could break
  | 'slow-detection' // the alert or the signal came late
  | 'stale-runbook' // the documented response did not work as written
  | 'slow-rollback' // going back took longer than it needed to
  | 'operator-error' // a person acted wrongly
  | 'review-missed-it'; // a reviewer should have caught it

export interface ContributingFactor {
  /** Your id, so action items can say what they address. */
  id: string;
  /** The timeline entry where it shows. */
  anchor: TimelineId;
  category: FactorCategory;
  /** What made the system fail or the response slow, in a sentence. */
  description: string;
}

export interface ActionItem {
  id: string;
  /** What will change, specifically enough that someone can tell when it is done. */
  title: string;
  /** A team from OWNERS in team.ts. */
  owner: string;
  /** Due date, YYYY-MM-DD. */
  due: string;
  /** Ids of the contributing factors it addresses. */
  addresses: string[];
}

export interface IncidentReview {
  /** Two or three sentences: impact, duration, and what made it possible. */
  summary: string;
  contributingFactors: ContributingFactor[];
  actionItems: ActionItem[];
}

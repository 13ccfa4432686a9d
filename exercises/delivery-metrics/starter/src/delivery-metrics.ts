import type { Deployment, Incident, Window } from './deployment-log';

/**
 * DORA's delivery metrics for one service over one window. The rules, so every team computes the same
 * numbers from the same log:
 *
 * - A deployment counts at its finishedAt. Only succeeded releases deliver change: rollbacks, redeploys
 *   and failed deployments are not deployments here.
 * - deploymentsPerDay: deployments ÷ window length in days. A window with no deployments has a frequency
 *   of 0: shipping nothing is a real, bad answer.
 * - deployDays: distinct calendar days, in the team's time zone (window.utcOffsetMinutes), with a
 *   deployment.
 * - Lead time of a commit: from committedAt to the finishedAt of the first succeeded release that
 *   contains it. A commit counts once, in the window of that first release.
 * - A release failed when an incident names it in causedBy or a rollback undoes it; changeFailureRate is
 *   failed releases ÷ releases, each release counted once however many incidents it caused.
 * - Time to restore (DORA's failed deployment recovery time): openedAt to resolvedAt of incidents caused
 *   by the window's releases. Open incidents are counted in unresolvedFailures, never averaged in.
 * - Incidents no deployment caused are not change failures: they only appear in incidentsWithoutDeployment
 *   (those opened in the window).
 * - No data is not a perfect score: a median or rate with nothing to measure is undefined, not 0.
 */
export interface DeliveryMetrics {
  deployments: number;
  deploymentsPerDay: number;
  deployDays: number;
  medianLeadTimeHours: number | undefined;
  changeFailureRate: number | undefined;
  medianTimeToRestoreHours: number | undefined;
  unresolvedFailures: number;
  incidentsWithoutDeployment: number;
}

export function deliveryMetrics(_deployments: Deployment[], _incidents: Incident[], _window: Window): DeliveryMetrics {
  throw new Error('deliveryMetrics is not written yet');
}

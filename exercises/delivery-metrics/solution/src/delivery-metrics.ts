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

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function deliveryMetrics(deployments: Deployment[], incidents: Incident[], window: Window): DeliveryMetrics {
  const from = instant(window.from);
  const to = instant(window.to);
  const inWindow = (at: string): boolean => instant(at) >= from && instant(at) < to;

  const allReleases = deployments
    .filter((d) => d.kind === 'release' && d.status === 'succeeded')
    .sort((a, b) => instant(a.finishedAt) - instant(b.finishedAt));
  const releases = allReleases.filter((d) => inWindow(d.finishedAt));
  const releaseIds = new Set(releases.map((d) => d.id));

  const days = new Set(releases.map((d) => calendarDay(d.finishedAt, window.utcOffsetMinutes)));

  // Each commit's first release across the whole log; it counts only if that release is in the window.
  const firstRelease = new Map<string, { committedAt: number; shippedAt: number; releaseId: string }>();
  for (const release of allReleases) {
    for (const commit of release.commits) {
      if (!firstRelease.has(commit.sha)) {
        firstRelease.set(commit.sha, { committedAt: instant(commit.committedAt), shippedAt: instant(release.finishedAt), releaseId: release.id });
      }
    }
  }
  const leadTimes = [...firstRelease.values()]
    .filter((c) => releaseIds.has(c.releaseId))
    .map((c) => (c.shippedAt - c.committedAt) / HOUR_MS);

  const failed = new Set<string>();
  for (const incident of incidents) if (incident.causedBy && releaseIds.has(incident.causedBy)) failed.add(incident.causedBy);
  for (const d of deployments) {
    if (d.kind === 'rollback' && d.status === 'succeeded' && d.rollsBack && releaseIds.has(d.rollsBack)) failed.add(d.rollsBack);
  }

  const failures = incidents.filter((i) => i.causedBy !== undefined && releaseIds.has(i.causedBy));
  const restored = failures.flatMap((i) => (i.resolvedAt ? [(instant(i.resolvedAt) - instant(i.openedAt)) / HOUR_MS] : []));

  return {
    deployments: releases.length,
    deploymentsPerDay: to > from ? releases.length / ((to - from) / DAY_MS) : 0,
    deployDays: days.size,
    medianLeadTimeHours: median(leadTimes),
    changeFailureRate: releases.length > 0 ? failed.size / releases.length : undefined,
    medianTimeToRestoreHours: median(restored),
    unresolvedFailures: failures.length - restored.length,
    incidentsWithoutDeployment: incidents.filter((i) => i.causedBy === undefined && inWindow(i.openedAt)).length,
  };
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 timestamp: ${iso}`);
  return ms;
}

/** The calendar day in the team's time zone, whatever offset the runner logged and wherever this code runs. */
function calendarDay(iso: string, utcOffsetMinutes: number): string {
  return new Date(instant(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

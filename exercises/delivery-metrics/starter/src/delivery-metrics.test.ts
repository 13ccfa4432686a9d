import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from './delivery-metrics';
import type { Deployment, Incident } from './deployment-log';

// A quiet week for the checkout service: two releases, one of which broke checkout for an hour.
const deployments: Deployment[] = [
  {
    id: 'd1',
    startedAt: '2026-03-02T09:50:00Z',
    finishedAt: '2026-03-02T10:00:00Z',
    kind: 'release',
    status: 'succeeded',
    commits: [{ sha: 'a1', committedAt: '2026-03-02T06:00:00Z' }],
  },
  {
    id: 'd2',
    startedAt: '2026-03-04T09:50:00Z',
    finishedAt: '2026-03-04T10:00:00Z',
    kind: 'release',
    status: 'succeeded',
    commits: [
      { sha: 'b1', committedAt: '2026-03-03T10:00:00Z' },
      { sha: 'b2', committedAt: '2026-03-04T08:00:00Z' },
    ],
  },
];
const incidents: Incident[] = [
  { id: 'inc-1', openedAt: '2026-03-04T10:15:00Z', resolvedAt: '2026-03-04T11:15:00Z', causedBy: 'd2' },
];

describe('deliveryMetrics', () => {
  it('computes the four metrics for a simple week', () => {
    const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', utcOffsetMinutes: 0 };

    expect(deliveryMetrics(deployments, incidents, window)).toEqual({
      deployments: 2,
      deploymentsPerDay: 2 / 7,
      deployDays: 2,
      medianLeadTimeHours: 4, // 4 h, 24 h and 2 h
      changeFailureRate: 0.5,
      medianTimeToRestoreHours: 1,
      unresolvedFailures: 0,
      incidentsWithoutDeployment: 0,
    });
  });
});

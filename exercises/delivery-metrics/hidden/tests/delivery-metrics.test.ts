import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from '../src/delivery-metrics';
import type { Commit, Deployment, Incident, Window } from '../src/deployment-log';

const march: Window = { from: '2026-03-01T00:00:00Z', to: '2026-03-15T00:00:00Z', utcOffsetMinutes: 0 };

let nextId = 1;
function release(finishedAt: string, commits: Commit[] = [], extra: Partial<Deployment> = {}): Deployment {
  return { id: `d${nextId++}`, startedAt: finishedAt, finishedAt, kind: 'release', status: 'succeeded', commits, ...extra };
}
const commit = (sha: string, committedAt: string): Commit => ({ sha, committedAt });

describe('deployments and frequency', () => {
  it('counts only succeeded releases as deployments: not rollbacks, redeploys or failed attempts', () => {
    const r = release('2026-03-02T10:00:00Z');
    const log = [
      r,
      release('2026-03-02T11:00:00Z', [], { kind: 'rollback', rollsBack: r.id }),
      release('2026-03-03T10:00:00Z', [], { kind: 'redeploy' }),
      release('2026-03-04T10:00:00Z', [], { status: 'failed' }),
      release('2026-03-05T10:00:00Z'),
    ];
    const m = deliveryMetrics(log, [], march);
    expect(m.deployments).toBe(2);
    expect(m.deploymentsPerDay).toBeCloseTo(2 / 14, 10);
  });

  it('reports zero deployments, zero per day, and undefined medians and rates for a window with no deployments', () => {
    expect(deliveryMetrics([], [], march)).toEqual({
      deployments: 0,
      deploymentsPerDay: 0,
      deployDays: 0,
      medianLeadTimeHours: undefined,
      changeFailureRate: undefined,
      medianTimeToRestoreHours: undefined,
      unresolvedFailures: 0,
      incidentsWithoutDeployment: 0,
    });
  });

  it('treats a window with only rollbacks and redeploys as having no deployments of change', () => {
    const log = [release('2026-03-02T10:00:00Z', [], { kind: 'redeploy' }), release('2026-03-03T10:00:00Z', [], { kind: 'rollback' })];
    const m = deliveryMetrics(log, [], march);
    expect(m.deployments).toBe(0);
    expect(m.changeFailureRate).toBeUndefined();
  });

  it('places a deployment by when it finished: started before the window counts, finishing exactly at the end does not', () => {
    const log = [
      release('2026-03-01T00:20:00Z', [], { startedAt: '2026-02-28T23:50:00Z' }),
      release('2026-03-15T00:00:00Z', [], { startedAt: '2026-03-14T23:40:00Z' }),
      release('2026-03-01T00:00:00Z'),
    ];
    expect(deliveryMetrics(log, [], march).deployments).toBe(2);
  });

  it('compares instants, not strings: a timestamp logged with an offset belongs where its instant is', () => {
    // 2026-03-14T20:00:00-05:00 is 2026-03-15T01:00:00Z, after the window; the other is before its end.
    // Counted one at a time: together, a string comparison gets the count right by swapping them.
    expect(deliveryMetrics([release('2026-03-14T20:00:00-05:00')], [], march).deployments).toBe(0);
    expect(deliveryMetrics([release('2026-03-15T08:00:00+09:00')], [], march).deployments).toBe(1);
  });
});

describe('deploy days in the team’s time zone', () => {
  it('counts calendar days in the team’s time zone, whatever offset each runner logged', () => {
    const newYork: Window = { ...march, utcOffsetMinutes: -300 };
    const log = [
      release('2026-03-02T03:30:00Z'), // 22:30 on March 1st in New York
      release('2026-03-01T09:00:00-05:00'), // 09:00 on March 1st in New York
    ];
    expect(deliveryMetrics(log, [], newYork).deployDays).toBe(1);
  });

  it('works east of UTC too', () => {
    const tokyo: Window = { ...march, utcOffsetMinutes: 540 };
    const log = [
      release('2026-03-01T16:00:00Z'), // 01:00 on March 2nd in Tokyo
      release('2026-03-02T08:00:00+09:00'), // 08:00 on March 2nd in Tokyo
      release('2026-03-02T14:59:00Z'), // 23:59 on March 2nd in Tokyo
      release('2026-03-02T15:00:00Z'), // 00:00 on March 3rd in Tokyo
    ];
    expect(deliveryMetrics(log, [], tokyo).deployDays).toBe(2);
  });

  it('counts a deployment that runs past midnight on the day it finished', () => {
    const log = [
      release('2026-03-03T00:10:00Z', [], { startedAt: '2026-03-02T23:50:00Z' }),
      release('2026-03-03T15:00:00Z'),
    ];
    expect(deliveryMetrics(log, [], march).deployDays).toBe(1);
  });
});

describe('lead time for changes', () => {
  it('runs from the commit to the first succeeded release that contains it', () => {
    const c = commit('a1', '2026-03-02T08:00:00Z');
    const log = [
      release('2026-03-02T09:00:00Z', [c], { status: 'failed' }),
      release('2026-03-02T11:00:00Z', [c]),
      release('2026-03-02T20:00:00Z', [c], { kind: 'redeploy' }),
      release('2026-03-03T11:00:00Z', [c]),
    ];
    expect(deliveryMetrics(log, [], march).medianLeadTimeHours).toBe(3);
  });

  it('does not count a commit again when a release in this window re-ships one first shipped earlier', () => {
    const old = commit('old', '2026-02-20T00:00:00Z');
    const log = [
      release('2026-02-21T00:00:00Z', [old]),
      release('2026-03-02T12:00:00Z', [old, commit('new', '2026-03-02T10:00:00Z')]),
    ];
    expect(deliveryMetrics(log, [], march).medianLeadTimeHours).toBe(2);
  });

  it('takes the median, averaging the middle two for an even count', () => {
    const log = [
      release('2026-03-05T00:00:00Z', [
        commit('c1', '2026-03-04T23:00:00Z'), // 1 h
        commit('c2', '2026-03-04T22:00:00Z'), // 2 h
        commit('c3', '2026-03-04T20:00:00Z'), // 4 h
        commit('c4', '2026-03-01T00:00:00Z'), // 96 h
      ]),
    ];
    expect(deliveryMetrics(log, [], march).medianLeadTimeHours).toBe(3);
  });

  it('measures across offsets: a commit logged in Berlin and a deploy logged in New York', () => {
    const log = [release('2026-03-02T07:00:00-05:00', [commit('b1', '2026-03-02T10:00:00+01:00')])];
    expect(deliveryMetrics(log, [], march).medianLeadTimeHours).toBe(3);
  });
});

describe('change failure rate and time to restore', () => {
  it('counts a rolled-back release as failed, even with no incident filed', () => {
    const bad = release('2026-03-02T10:00:00Z');
    const log = [bad, release('2026-03-02T10:30:00Z', [], { kind: 'rollback', rollsBack: bad.id }), release('2026-03-03T10:00:00Z')];
    expect(deliveryMetrics(log, [], march).changeFailureRate).toBe(0.5);
  });

  it('counts a release once, however many incidents it caused', () => {
    const bad = release('2026-03-02T10:00:00Z');
    const log = [bad, release('2026-03-03T10:00:00Z'), release('2026-03-04T10:00:00Z'), release('2026-03-05T10:00:00Z')];
    const incidents: Incident[] = [
      { id: 'i1', openedAt: '2026-03-02T10:05:00Z', resolvedAt: '2026-03-02T11:05:00Z', causedBy: bad.id },
      { id: 'i2', openedAt: '2026-03-02T12:00:00Z', resolvedAt: '2026-03-02T15:00:00Z', causedBy: bad.id },
    ];
    const m = deliveryMetrics(log, incidents, march);
    expect(m.changeFailureRate).toBe(0.25);
    expect(m.medianTimeToRestoreHours).toBe(2);
  });

  it('keeps incidents no deployment caused out of the failure rate and time to restore, and reports them', () => {
    const log = [release('2026-03-02T10:00:00Z'), release('2026-03-03T10:00:00Z')];
    const incidents: Incident[] = [
      { id: 'outage', openedAt: '2026-03-04T00:00:00Z', resolvedAt: '2026-03-04T09:00:00Z' },
      { id: 'spike', openedAt: '2026-03-05T00:00:00Z' },
      { id: 'last-year', openedAt: '2025-12-05T00:00:00Z' },
    ];
    const m = deliveryMetrics(log, incidents, march);
    expect(m.changeFailureRate).toBe(0);
    expect(m.medianTimeToRestoreHours).toBeUndefined();
    expect(m.unresolvedFailures).toBe(0);
    expect(m.incidentsWithoutDeployment).toBe(2);
  });

  it('reports an open incident as unresolved instead of averaging it in', () => {
    const bad = release('2026-03-02T10:00:00Z');
    const other = release('2026-03-03T10:00:00Z');
    const incidents: Incident[] = [
      { id: 'open', openedAt: '2026-03-02T10:05:00Z', causedBy: bad.id },
      { id: 'closed', openedAt: '2026-03-03T10:00:00Z', resolvedAt: '2026-03-03T10:30:00Z', causedBy: other.id },
    ];
    const m = deliveryMetrics([bad, other], incidents, march);
    expect(m.unresolvedFailures).toBe(1);
    expect(m.medianTimeToRestoreHours).toBe(0.5);
    expect(m.changeFailureRate).toBe(1);
  });

  it('leaves failures of releases outside the window to that window', () => {
    const february = release('2026-02-27T10:00:00Z');
    const log = [february, release('2026-03-02T10:00:00Z'), release('2026-03-02T11:00:00Z', [], { kind: 'rollback', rollsBack: february.id })];
    const incidents: Incident[] = [{ id: 'late', openedAt: '2026-03-01T02:00:00Z', resolvedAt: '2026-03-01T04:00:00Z', causedBy: february.id }];
    const m = deliveryMetrics(log, incidents, march);
    expect(m.changeFailureRate).toBe(0);
    expect(m.medianTimeToRestoreHours).toBeUndefined();
    expect(m.incidentsWithoutDeployment).toBe(0);
  });
});

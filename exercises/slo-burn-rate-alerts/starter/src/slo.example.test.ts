import { describe, expect, it } from 'vitest';
import { alert, availability, burnRate } from './slo';
import { HOUR, MINUTE, type RequestRecord } from './request-log';
import { traffic } from './traffic';

const now = Date.parse('2026-03-02T12:00:00Z');
const slo = { objective: 0.999 };

describe('the SLI on a small log', () => {
  const log: RequestRecord[] = [
    { id: 'a', at: '2026-03-02T11:57:00Z', status: 200, latencyMs: 31 },
    { id: 'b', at: '2026-03-02T11:58:00Z', status: 503, latencyMs: 2004 },
    { id: 'c', at: '2026-03-02T11:58:30Z', status: 200, latencyMs: 28 },
    { id: 'd', at: '2026-03-02T11:59:00Z', status: 200, latencyMs: 35 },
  ];

  it('is good requests over valid requests in the window', () => {
    expect(availability(log, now, 5 * MINUTE)).toBe(0.75);
  });

  it('burns the budget at (1 - SLI) / (1 - objective)', () => {
    expect(burnRate(log, now, 5 * MINUTE, slo)).toBeCloseTo(250);
  });
});

describe('alerts on steady traffic', () => {
  it('stays quiet when nothing fails', () => {
    expect(alert(traffic(now - 6 * HOUR, now, 10), now, slo)).toBe('none');
  });
});

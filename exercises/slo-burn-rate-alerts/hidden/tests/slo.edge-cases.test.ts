import { describe, expect, it } from 'vitest';
import { alert, availability, burnRate } from '../src/slo';
import { DAY, HOUR, MINUTE, type RequestRecord } from '../src/request-log';
import { traffic } from '../src/traffic';

const now = Date.parse('2026-03-02T12:00:00Z');
const slo = { objective: 0.999 };
const rec = (id: string, at: string, status = 200): RequestRecord => ({ id, at, status, latencyMs: 40 });

describe('windows are instants, half-open', () => {
  it('reads each load balancer’s offset: 13:58+02:00 is two minutes before noon UTC', () => {
    const log = [
      rec('a', '2026-03-02T13:58:00+02:00', 503),
      rec('b', '2026-03-02T06:59:00-05:00'),
      rec('c', '2026-03-02T11:50:00Z'),
    ];
    // Only a and b are in the last 5 minutes; a string comparison with "11:55Z" keeps c and drops a.
    expect(availability(log, now, 5 * MINUTE)).toBe(0.5);
  });

  it('counts a request at the window’s start and not one at its end', () => {
    const log = [rec('start', '2026-03-02T11:55:00Z', 503), rec('end', '2026-03-02T12:00:00Z')];
    expect(availability(log, now, 5 * MINUTE)).toBe(0);
  });

  it('leaves out requests a skewed clock stamped after now, so they cannot page before they happen', () => {
    const clean = traffic(now - HOUR, now, 10);
    // One load balancer's clock runs two minutes ahead: its failures are logged "in the future".
    const skewed = traffic(now, now + 2 * MINUTE, 10, () => true, 'skewed');
    expect(availability([...clean, ...skewed], now, 5 * MINUTE)).toBe(1);
    expect(alert([...clean, ...skewed], now, slo)).toBe('none');
  });
});

describe('what counts as a request and as an error', () => {
  it('counts a request once when the log shipper wrote its line twice', () => {
    const log = [
      ...Array.from({ length: 9 }, (_, i) => rec(`ok-${i}`, '2026-03-02T11:58:00Z')),
      rec('failed', '2026-03-02T11:59:00Z', 503),
      rec('failed', '2026-03-02T11:59:00Z', 503),
    ];
    expect(availability(log, now, 5 * MINUTE)).toBeCloseTo(0.9);
  });

  it('spends no budget on client errors: 404 and 429 are good events, 500 and 503 are not', () => {
    const log = [
      rec('a', '2026-03-02T11:58:00Z', 404),
      rec('b', '2026-03-02T11:58:10Z', 429),
      rec('c', '2026-03-02T11:58:20Z', 500),
      rec('d', '2026-03-02T11:58:30Z', 201),
    ];
    expect(availability(log, now, 5 * MINUTE)).toBe(0.75);
  });
});

describe('no traffic is not a perfect score', () => {
  it('has no availability for a window without requests', () => {
    expect(availability([rec('old', '2026-03-02T10:00:00Z', 503)], now, 5 * MINUTE)).toBeUndefined();
  });

  it('burns nothing, a number and not NaN, and raises no alert on an empty log', () => {
    expect(burnRate([], now, HOUR, slo)).toBe(0);
    expect(alert([], now, slo)).toBe('none');
  });
});

describe('burn rate against the error budget', () => {
  it('is 10 when 1% of requests fail against a 99.9% objective', () => {
    const log = traffic(now - HOUR, now, 10, (i) => i % 100 === 0);
    expect(burnRate(log, now, HOUR, slo)).toBeCloseTo(10);
  });

  it('is 1 when the window fails at exactly the budget’s rate', () => {
    const log = traffic(now - HOUR, now, 100, (i) => i % 200 === 0);
    expect(burnRate(log, now, HOUR, { objective: 0.995 })).toBeCloseTo(1);
  });
});

describe('multi-window, multi-burn-rate alerts', () => {
  it('pages on a fast burn: 10% errors over the last hour', () => {
    const log = [
      ...traffic(now - 6 * HOUR, now - HOUR, 10, () => false, 'before'),
      ...traffic(now - HOUR, now, 10, (i) => i % 10 === 0, 'burning'),
    ];
    expect(alert(log, now, slo)).toBe('page');
  });

  it('stops paging once the errors stopped, and leaves a ticket for the budget they spent', () => {
    // 20% errors from 60 to 35 minutes ago, then clean: the hour and 6 hours still burn fast, the short
    // windows (5 and 30 minutes) do not, so nobody is woken for an outage that is over.
    const log = traffic(now - 6 * HOUR, now, 10, (_, at) => at >= now - HOUR && at < now - 35 * MINUTE && Math.floor(at / 6000) % 5 === 0);
    expect(burnRate(log, now, HOUR, slo)).toBeGreaterThan(14.4);
    expect(burnRate(log, now, 5 * MINUTE, slo)).toBe(0);
    expect(alert(log, now, slo)).toBe('ticket');
  });

  it('opens a ticket, not a page, for a slow burn of 0.2% over three days', () => {
    const log = traffic(now - 3 * DAY, now, 10, (i) => i % 500 === 0);
    expect(alert(log, now, slo)).toBe('ticket');
  });
});

import { describe, expect, it } from 'vitest';
import { createProductPage } from '../src/product-page';
import { fakeDependencies, type Scenario } from '../src/dependencies';
import { Clock, Telemetry, type FinishedSpan } from '../src/telemetry';

/** The hidden incident: pricing takes 800 ms, and only cache misses pay for it. */
const incident: Scenario = { cacheMs: 3, pricingMs: 800, catalogMs: 12, cached: ['p-1', 'p-2', 'p-3'] };

async function run(scenario: Scenario, ids: string[]): Promise<Telemetry> {
  const clock = new Clock();
  const telemetry = new Telemetry(clock);
  const page = createProductPage(fakeDependencies(clock, scenario), telemetry);
  for (const id of ids) await page(id);
  return telemetry;
}

const servers = (t: Telemetry): FinishedSpan[] => t.spans.filter((s) => s.kind === 'server');
const childrenOf = (t: Telemetry, span: FinishedSpan | undefined): FinishedSpan[] =>
  t.spans.filter((s) => span !== undefined && s.parentId === span.id);
const duration = (s: FinishedSpan): number => s.endMs - s.startMs;

describe('traces: the slow request explains itself', () => {
  it('gives every request a server span named for its route, with method, route and status', async () => {
    const t = await run(incident, ['p-1', 'p-9']);
    expect(servers(t).map((s) => [s.name, s.attributes['http.route'], s.attributes['http.request.method'], s.attributes['http.response.status_code']])).toEqual([
      ['GET /products/{id}', '/products/{id}', 'GET', 200],
      ['GET /products/{id}', '/products/{id}', 'GET', 200],
    ]);
  });

  it('puts each dependency call in a client span under its request, naming the service', async () => {
    const t = await run(incident, ['p-9']);
    const children = childrenOf(t, servers(t)[0]);
    expect(children.map((s) => [s.kind, s.attributes['peer.service']])).toEqual([
      ['client', 'catalog'],
      ['client', 'cache'],
      ['client', 'pricing'],
      ['client', 'cache'],
    ]);
  });

  it('times each call: the slowest child of the slowest request is pricing, with the full 800 ms', async () => {
    const t = await run(incident, ['p-1', 'p-2', 'p-9', 'p-3']);
    const slowest = [...servers(t)].sort((a, b) => duration(b) - duration(a))[0];
    const culprit = [...childrenOf(t, slowest)].sort((a, b) => duration(b) - duration(a))[0];
    expect(culprit?.name).toBe('pricing.getPrice');
    expect(culprit && duration(culprit)).toBe(800);
    expect(slowest && duration(slowest)).toBe(12 + 3 + 800 + 3);
  });

  it('marks a failed pricing call and its request as errors, with the exception recorded', async () => {
    const t = await run({ ...incident, pricingFails: true }, ['p-9']);
    const pricing = t.spans.find((s) => s.name === 'pricing.getPrice');
    expect(pricing?.status.code).toBe('error');
    expect(pricing?.events.map((e) => e.attributes['exception.message'])).toEqual(['pricing: 503 Service Unavailable']);
    expect(servers(t)[0]?.status.code).toBe('error');
    expect(servers(t)[0]?.attributes['http.response.status_code']).toBe(502);
  });
});

describe('metrics: aggregates you can alert on', () => {
  it('records request durations in seconds, as http.server.request.duration', async () => {
    const t = await run(incident, ['p-1', 'p-9']);
    const points = t.metrics.filter((m) => m.name === 'http.server.request.duration');
    expect(points.map((p) => [p.kind, p.unit])).toEqual([
      ['histogram', 's'],
      ['histogram', 's'],
    ]);
    expect(points.map((p) => p.value)).toEqual([0.015, 0.818]);
  });

  it('keeps metric attributes few-valued: route, method and status, never the product id', async () => {
    const ids = ['p-1', 'p-9', 'p-10', 'p-11'];
    const t = await run(incident, ids);
    const values = t.metrics.flatMap((m) => Object.values(m.attributes).map(String));
    expect(values.filter((v) => ids.some((id) => v.includes(id)))).toEqual([]);
  });

  it('counts cache lookups by hit, so the hit ratio is a query', async () => {
    const t = await run(incident, ['p-1', 'p-2', 'p-9', 'p-3']);
    const lookups = t.metrics.filter((m) => m.name === 'cache.lookups');
    const hits = lookups.filter((m) => m.attributes['cache.hit'] === true).reduce((n, m) => n + m.value, 0);
    const all = lookups.reduce((n, m) => n + m.value, 0);
    expect(hits / all).toBe(0.75);
  });
});

import { describe, expect, it } from 'vitest';
import { createProductPage } from './product-page';
import { fakeDependencies } from './dependencies';
import { Clock, Telemetry } from './telemetry';

describe('one request, as the telemetry shows it', () => {
  it('has a server span for the route, with the dependency calls under it', async () => {
    const clock = new Clock();
    const telemetry = new Telemetry(clock);
    const page = createProductPage(
      fakeDependencies(clock, { cacheMs: 2, pricingMs: 40, catalogMs: 5, cached: [] }),
      telemetry,
    );
    expect((await page('p-1')).status).toBe(200);
    const server = telemetry.spans.find((s) => s.kind === 'server');
    expect(server?.name).toBe('GET /products/{id}');
    const children = telemetry.spans.filter((s) => s.parentId === server?.id).map((s) => s.name);
    expect(children).toEqual(['catalog.getProduct', 'cache.get', 'pricing.getPrice', 'cache.set']);
  });
});

import type { Dependencies } from './dependencies';
import type { Span, Telemetry } from './telemetry';

export interface PageResponse {
  status: number;
  body: unknown;
}

const ROUTE = '/products/{id}';

/**
 * GET /products/{id}: the product from the catalog and its price, from the cache or else from the pricing
 * service. Instrumented so a slow or failing dependency can be found from the telemetry alone: a server
 * span per request, a client span per dependency call under it, and a duration histogram and a cache
 * counter whose attributes are few-valued (never the product id).
 */
export function createProductPage(deps: Dependencies, telemetry: Telemetry): (id: string) => Promise<PageResponse> {
  /** Runs one dependency call inside a client span that ends when the call settles, failed or not. */
  async function call<T>(parent: Span, service: string, operation: string, run: () => Promise<T>): Promise<T> {
    const span = telemetry.startSpan(`${service}.${operation}`, {
      kind: 'client',
      parent,
      attributes: { 'peer.service': service },
    });
    try {
      return await run();
    } catch (error) {
      span.recordException(error);
      span.setStatus({ code: 'error', message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  async function handle(server: Span, id: string): Promise<PageResponse> {
    const product = await call(server, 'catalog', 'getProduct', () => deps.catalog.getProduct(id));
    if (!product) return { status: 404, body: { error: 'no such product' } };
    let price = await call(server, 'cache', 'get', async () => {
      const cached = await deps.cache.get(`price:${id}`);
      return cached;
    });
    const hit = price !== undefined;
    telemetry.counter('cache.lookups', 1, { 'cache.hit': hit });
    if (price === undefined) {
      try {
        price = await call(server, 'pricing', 'getPrice', () => deps.pricing.getPrice(id));
      } catch {
        return { status: 502, body: { error: 'pricing is unavailable' } };
      }
      const fresh = price;
      await call(server, 'cache', 'set', () => deps.cache.set(`price:${id}`, fresh));
    }
    return { status: 200, body: { ...product, priceCents: price } };
  }

  return async (id) => {
    const started = telemetry.clock.now();
    const server = telemetry.startSpan(`GET ${ROUTE}`, {
      kind: 'server',
      attributes: { 'http.request.method': 'GET', 'http.route': ROUTE },
    });
    const response = await handle(server, id);
    server.setAttribute('http.response.status_code', response.status);
    // HTTP semantic conventions: a server span is an error for 5xx, not for the client's 4xx.
    if (response.status >= 500) server.setStatus({ code: 'error' });
    server.end();
    telemetry.histogram('http.server.request.duration', 's', (telemetry.clock.now() - started) / 1000, {
      'http.request.method': 'GET',
      'http.route': ROUTE,
      'http.response.status_code': response.status,
    });
    return response;
  };
}

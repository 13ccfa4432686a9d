import type { Dependencies } from './dependencies';
import type { Telemetry } from './telemetry';

export interface PageResponse {
  status: number;
  body: unknown;
}

/**
 * GET /products/{id}: the product from the catalog and its price, from the cache or else from the pricing
 * service. Instrument it (see the exercise) so that a slow or failing dependency can be found from the
 * telemetry alone.
 */
export function createProductPage(deps: Dependencies, telemetry: Telemetry): (id: string) => Promise<PageResponse> {
  void telemetry;
  return async (id) => {
    const product = await deps.catalog.getProduct(id);
    if (!product) return { status: 404, body: { error: 'no such product' } };
    let price = await deps.cache.get(`price:${id}`);
    if (price === undefined) {
      try {
        price = await deps.pricing.getPrice(id);
      } catch {
        return { status: 502, body: { error: 'pricing is unavailable' } };
      }
      await deps.cache.set(`price:${id}`, price);
    }
    return { status: 200, body: { ...product, priceCents: price } };
  };
}

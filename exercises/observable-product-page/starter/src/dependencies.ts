import type { Clock } from './telemetry';

export interface Product {
  id: string;
  name: string;
}

/** The product page's three dependencies. Each advances the clock by how long it takes. */
export interface Dependencies {
  cache: { get(key: string): Promise<number | undefined>; set(key: string, price: number): Promise<void> };
  pricing: { getPrice(id: string): Promise<number> };
  catalog: { getProduct(id: string): Promise<Product | undefined> };
}

/** Latencies and failures of a scenario, in milliseconds. */
export interface Scenario {
  cacheMs: number;
  pricingMs: number;
  catalogMs: number;
  /** Product ids whose price is in the cache. */
  cached: string[];
  /** When true, pricing answers with an error after pricingMs. */
  pricingFails?: boolean;
}

export function fakeDependencies(clock: Clock, scenario: Scenario): Dependencies {
  const prices = new Map(scenario.cached.map((id) => [id, 1999]));
  return {
    cache: {
      get: (key) => {
        clock.advance(scenario.cacheMs);
        return Promise.resolve(prices.get(key.replace(/^price:/, '')));
      },
      set: (key, price) => {
        clock.advance(scenario.cacheMs);
        prices.set(key.replace(/^price:/, ''), price);
        return Promise.resolve();
      },
    },
    pricing: {
      getPrice: () => {
        clock.advance(scenario.pricingMs);
        return scenario.pricingFails ? Promise.reject(new Error('pricing: 503 Service Unavailable')) : Promise.resolve(2499);
      },
    },
    catalog: {
      getProduct: (id) => {
        clock.advance(scenario.catalogMs);
        return Promise.resolve({ id, name: `Product ${id}` });
      },
    },
  };
}

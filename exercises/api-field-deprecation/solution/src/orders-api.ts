import { CUSTOMER_ID_DEPRECATION as DEPRECATION } from './deprecations';
import type { ApiRequest, ApiResponse } from './http';

/** An order as stored: the new name only; the old one is derived for clients that still read it. */
interface Order {
  id: string;
  buyerId: string;
  totalCents: number;
}

/** RFC 9745: the Deprecation header is a structured-field date, "@" and seconds since the epoch. */
const deprecationHeader = `@${Math.floor(DEPRECATION.deprecatedAt / 1000)}`;
/** RFC 8594: the Sunset header is an HTTP-date. */
const sunsetHeader = new Date(DEPRECATION.sunsetAt).toUTCString();

/**
 * The orders API: GET /orders/:id and POST /orders. `customerId` is renamed `buyerId` in expand/contract
 * steps: until the sunset both names are served and accepted, and answers that still carry the old name
 * say so in Deprecation, Sunset and Link headers; from the sunset only `buyerId` exists.
 */
export function createOrdersApi(now: () => number = Date.now): (request: ApiRequest) => ApiResponse {
  const orders = new Map<string, Order>([['o-1', { id: 'o-1', buyerId: 'c-42', totalCents: 2599 }]]);
  let nextId = 2;
  const sunset = (): boolean => now() >= DEPRECATION.sunsetAt;

  /** The order as clients see it, with the old name and the headers that announce its end while it lasts. */
  function present(order: Order, status: number): ApiResponse {
    if (sunset()) return { status, headers: {}, body: { ...order } };
    const headers: Record<string, string> =
      now() >= DEPRECATION.deprecatedAt
        ? {
            Deprecation: deprecationHeader,
            Sunset: sunsetHeader,
            Link: `<${DEPRECATION.docs}>; rel="deprecation"`,
          }
        : { Sunset: sunsetHeader };
    return { status, headers, body: { ...order, customerId: order.buyerId } };
  }

  return (request) => {
    const get = /^\/orders\/([\w-]+)$/.exec(request.path);
    if (request.method === 'GET' && get) {
      const order = orders.get(get[1] ?? '');
      if (!order) return { status: 404, headers: {}, body: { error: 'no such order' } };
      return present(order, 200);
    }
    if (request.method === 'POST' && request.path === '/orders') {
      const input = (request.body ?? {}) as { buyerId?: unknown; customerId?: unknown; totalCents?: unknown };
      const old = sunset() ? undefined : input.customerId;
      if (input.buyerId !== undefined && old !== undefined && input.buyerId !== old) {
        return { status: 400, headers: {}, body: { error: 'buyerId and customerId disagree; send buyerId only' } };
      }
      const buyerId = input.buyerId ?? old;
      if (typeof buyerId !== 'string' || typeof input.totalCents !== 'number') {
        return { status: 400, headers: {}, body: { error: 'buyerId and totalCents are required' } };
      }
      const order: Order = { id: `o-${nextId++}`, buyerId, totalCents: input.totalCents };
      orders.set(order.id, order);
      return present(order, 201);
    }
    return { status: 404, headers: {}, body: { error: 'not found' } };
  };
}

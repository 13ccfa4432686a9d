import type { ApiRequest, ApiResponse } from './http';

/** An order as stored. */
interface Order {
  id: string;
  customerId: string;
  totalCents: number;
}

/**
 * The orders API: GET /orders/:id and POST /orders. `now` is the clock, so the deprecation window can
 * be tested at any date.
 */
export function createOrdersApi(now: () => number = Date.now): (request: ApiRequest) => ApiResponse {
  void now;
  const orders = new Map<string, Order>([['o-1', { id: 'o-1', customerId: 'c-42', totalCents: 2599 }]]);
  let nextId = 2;

  return (request) => {
    const get = /^\/orders\/([\w-]+)$/.exec(request.path);
    if (request.method === 'GET' && get) {
      const order = orders.get(get[1] ?? '');
      if (!order) return { status: 404, headers: {}, body: { error: 'no such order' } };
      return { status: 200, headers: {}, body: { ...order } };
    }
    if (request.method === 'POST' && request.path === '/orders') {
      const input = (request.body ?? {}) as Partial<Order>;
      if (typeof input.customerId !== 'string' || typeof input.totalCents !== 'number') {
        return { status: 400, headers: {}, body: { error: 'customerId and totalCents are required' } };
      }
      const order: Order = { id: `o-${nextId++}`, customerId: input.customerId, totalCents: input.totalCents };
      orders.set(order.id, order);
      return { status: 201, headers: {}, body: { ...order } };
    }
    return { status: 404, headers: {}, body: { error: 'not found' } };
  };
}

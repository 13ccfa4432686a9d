interface Order {
  id: string;
  status: 'open' | 'paid' | 'cancelled';
}

// Bug: a comparison where an assignment was meant; the result is dropped and the order stays open.
export function cancel(order: Order): Order {
  if (order.status === 'open') {
    order.status === 'cancelled';
  }
  return order;
}

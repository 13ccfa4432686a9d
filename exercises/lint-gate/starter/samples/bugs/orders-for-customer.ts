interface Order {
  id: string;
  customerId: string;
}

// Bug: copy-paste compares the order with itself, so every customer sees every order.
export function ordersFor(customer: { id: string }, orders: readonly Order[]): Order[] {
  return orders.filter((order) => order.customerId === order.customerId);
}

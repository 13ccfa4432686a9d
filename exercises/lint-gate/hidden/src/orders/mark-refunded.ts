// Bug: `=` where `===` was meant: the condition assigns, so every order is treated as refunded.
export interface Order {
  id: string;
  status: string;
}

export function isRefunded(order: Order): boolean {
  let status = order.status;
  if (status = 'refunded') return true;
  return status === 'partially-refunded';
}

// Bug: '' == 0 and '0' == 0 are both true, so an empty or missing field reads as "zero items".
export function parseQuantity(raw: string): number | 'remove-line' {
  const body = JSON.parse(raw);
  if (body.quantity == 0) return 'remove-line';
  return Number(body.quantity);
}

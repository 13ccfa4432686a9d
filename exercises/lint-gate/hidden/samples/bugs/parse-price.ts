// Bug: nothing is equal to NaN, not even NaN, so invalid prices pass the guard.
export function parsePrice(input: string): number {
  const price = Number.parseFloat(input);
  if (price === NaN) throw new Error(`not a price: ${input}`);
  return price;
}

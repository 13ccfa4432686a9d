export function now(): number {
  return Date.now();
}
export function label(): string {
  return `at ${now()}`;
}

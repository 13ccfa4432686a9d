// Correct code your gate must not flag: short-circuit defaults and typeof checks.
export function cacheKey(parts: ReadonlyArray<string | number | undefined>, prefix?: string): string {
  const usable = parts.filter((part) => part !== undefined && part !== '');
  const head = prefix || 'k';
  return typeof usable[0] === 'number' ? `${head}:n:${usable.join(':')}` : `${head}:${usable.join(':')}`;
}

/**
 * The lib .d.ts files the compiler options need: lib.es2022.d.ts and every lib it names in a
 * `/// <reference lib="…" />`, transitively. The browser payload ships these and nothing else.
 */
export const ENTRY_LIB = 'lib.es2022.d.ts';

export function libClosure(read: (fileName: string) => string, entry = ENTRY_LIB): Record<string, string> {
  const libs: Record<string, string> = {};
  const pending = [entry];
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    if (name in libs) continue;
    const text = read(name);
    libs[name] = text;
    for (const match of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"/g))
      pending.push(`lib.${(match[1] ?? '').toLowerCase()}.d.ts`);
  }
  return libs;
}

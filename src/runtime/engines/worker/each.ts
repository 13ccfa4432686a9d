import { format, formatRegExp, inspect, truncateString } from '@vitest/utils/display';

/**
 * Titles of `test.each` cases, following Vitest's formatTitle: printf-style `%s %d %i %f %j %o %#`,
 * and `$name` / `$0` for object or array cases, so test names match between engines. Values are cut at
 * Vitest's default `taskTitleValueFormatTruncate` (40 characters), strings included.
 */
const TRUNCATE = 40;

export function formatTitle(template: string, items: readonly unknown[], index: number): string {
  let title = template;
  if (title.includes('%#') || title.includes('%$')) {
    title = title
      .replace(/%%/g, '__escaped_percent__')
      .replace(/%#/g, String(index))
      .replace(/%\$/g, String(index + 1))
      .replace(/__escaped_percent__/g, '%%');
  }
  const count = title.split('%').length - 1;
  const first = items[0];
  const isObjectItem = typeof first === 'object' && first !== null && !Array.isArray(first);
  const attribute = (text: string): string =>
    text.replace(/\$([$\p{ID_Continue}.]+)/gu, (whole, key: string) => {
      const isArrayKey = /^\d+$/.test(key);
      if (!isObjectItem && !isArrayKey) return whole;
      const value = isObjectItem ? path(first, key) : items[Number(key)];
      return typeof value === 'string' ? truncateString(value, TRUNCATE) : inspect(value, { truncate: TRUNCATE });
    });
  let output = '';
  let used = 0;
  let last = 0;
  for (const match of title.matchAll(new RegExp(formatRegExp.source, 'g'))) {
    output += attribute(title.slice(last, match.index));
    output += used < count ? format([match[0], items[used++]], { truncate: TRUNCATE }) : match[0];
    last = match.index + match[0].length;
  }
  return output + attribute(title.slice(last));
}

function path(value: unknown, key: string): unknown {
  let current = value;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The arguments one `.each` case passes to the test function: arrays are spread, other values passed whole. */
export function caseArguments(cases: readonly unknown[], item: unknown): unknown[] {
  const spread = cases.every(Array.isArray);
  return spread && Array.isArray(item) ? [...(item as unknown[])] : [item];
}

/**
 * The cases of a tagged-template table (`test.each\`a | b\n ${1} | ${2}\``): the first line names the
 * columns, the interpolated values fill the rows, one object per row. Other arguments pass through.
 */
export function tableCases(cases: unknown, values: readonly unknown[]): readonly unknown[] {
  if (!Array.isArray(cases)) throw new TypeError('.each and .for expect an array of cases or a template table');
  if (values.length === 0) return cases;
  const header = (cases as string[]).join('').trim().replace(/ /g, '').split('\n')[0]?.split('|') ?? [];
  const rows: Record<string, unknown>[] = [];
  for (let row = 0; row < Math.floor(values.length / header.length); row++) {
    rows.push(Object.fromEntries(header.map((column, i) => [column, values[row * header.length + i]])));
  }
  return rows;
}

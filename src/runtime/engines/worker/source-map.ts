/**
 * Just enough of source maps to move a position in Sucrase's output back to the TypeScript it came
 * from. Sucrase maps every token, so columns after a stripped `: Type` land on the learner's column.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line: [generatedColumn, originalLine, originalColumn] segments, all 0-based, sorted. */
export type LineMappings = [number, number, number][][];

export function decodeMappings(mappings: string): LineMappings {
  const lines: LineMappings = [];
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: [number, number, number][] = [];
    let generatedColumn = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const values = decodeVlq(segment);
      generatedColumn += values[0] ?? 0;
      if (values.length >= 4) {
        originalLine += values[2] ?? 0;
        originalColumn += values[3] ?? 0;
        segments.push([generatedColumn, originalLine, originalColumn]);
      }
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Maps a 1-based line and column of the generated code to the original; unmapped positions stay put. */
export function originalPosition(map: LineMappings, line: number, column: number): { line: number; column: number } {
  const segments = map[line - 1];
  if (!segments || segments.length === 0) return { line, column };
  const col = column - 1;
  let best = segments[0];
  for (const segment of segments) {
    if (segment[0] > col) break;
    best = segment;
  }
  if (!best || best[0] > col) return { line, column };
  return { line: best[1] + 1, column: best[2] + (col - best[0]) + 1 };
}

import type { SnapshotUpdate } from '../report/check-report.ts';

/**
 * The text of a learner's file after one snapshot is written into it, as `vitest -u` would write it: an
 * inline snapshot replaces (or fills) the literal argument of its `toMatchInlineSnapshot(` call, a file
 * snapshot sets one entry of a `.snap` file. Pure text in, text out: the workbench applies the result as
 * an editor edit, so it can be undone and is saved like typing.
 */
export function applySnapshotUpdate(source: string | undefined, update: SnapshotUpdate): string {
  if (update.kind === 'file') return withSnapEntry(source ?? '', update.key, update.value);
  if (source === undefined) throw new Error(`${update.file} is not in the workspace`);
  return withInlineSnapshot(source, update.line, update.column, update.value);
}

/**
 * Several updates of one file at once, from the bottom of the file up: each inline update names the line
 * the run saw, which an update above it would move.
 */
export function applySnapshotUpdates(source: string | undefined, updates: readonly SnapshotUpdate[]): string {
  const position = (u: SnapshotUpdate): number => (u.kind === 'inline' ? u.line * 1e6 + u.column : 0);
  const ordered = [...updates].sort((a, b) => position(b) - position(a));
  let text = source;
  for (const update of ordered) text = applySnapshotUpdate(text, update);
  return text ?? '';
}

const CALL = /\b(?:toMatchInlineSnapshot|toThrowErrorMatchingInlineSnapshot)\s*\(/g;

function withInlineSnapshot(source: string, line: number, column: number, value: string): string {
  const call = findCall(source, line, column);
  if (!call) throw new Error(`No inline snapshot call at line ${line} to update`);
  const indent = /^[ \t]*/.exec(source.slice(lineStart(source, call.index)))?.[0] ?? '';
  const literal = templateLiteral(value, indent);
  let at = skipSpace(source, call.end);
  // toMatchInlineSnapshot({ id: expect.any(String) }, `…`): the snapshot is the argument after the properties.
  if (source[at] === '{') {
    const afterObject = skipSpace(source, skipBalanced(source, at));
    if (source[afterObject] !== ',') return splice(source, afterObject, afterObject, `, ${literal}`);
    at = skipSpace(source, afterObject + 1);
    if (source[at] === ')') return splice(source, afterObject + 1, at, ` ${literal}`);
  }
  if (source[at] === ')') return splice(source, at, at, literal);
  const quote = source[at];
  if (quote !== '`' && quote !== '"' && quote !== "'") {
    throw new Error(`The snapshot at line ${line} is not a string literal, so it cannot be updated here`);
  }
  return splice(source, at, endOfString(source, at), literal);
}

/** The call on `line` nearest to `column` (columns can drift where TypeScript was stripped), else the next one. */
function findCall(source: string, line: number, column: number): { index: number; end: number } | undefined {
  const start = offsetOfLine(source, line);
  if (start === undefined) return undefined;
  const end = source.indexOf('\n', start) === -1 ? source.length : source.indexOf('\n', start);
  const target = start + column - 1;
  let best: { index: number; end: number } | undefined;
  for (const match of source.matchAll(CALL)) {
    const found = { index: match.index, end: match.index + match[0].length };
    if (match.index < start) continue;
    if (match.index > end) return best ?? found;
    if (!best || Math.abs(match.index - target) < Math.abs(best.index - target)) best = found;
  }
  return best;
}

/** Vitest's inline form: one line as is, several lines indented one step past the call's line. */
function templateLiteral(value: string, indent: string): string {
  const escaped = value.replace(/`|\\|\$\{/g, '\\$&');
  if (!escaped.includes('\n')) return `\`${escaped}\``;
  const body = escaped
    .split('\n')
    .map((text) => (text === '' ? text : `${indent}  ${text}`))
    .join('\n');
  return `\`\n${body}\n${indent}\``;
}

const SNAP_HEADER = '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html';
const SNAP_ENTRY = /exports\[`((?:\\[\s\S]|[^`\\])*)`\] = `((?:\\[\s\S]|[^`\\])*)`;/g;

/**
 * A `.snap` file with `key` set to `value`, entries in Vitest's order. The file is read as text, never
 * evaluated: it is learner-controlled and this runs on the page.
 */
function withSnapEntry(source: string, key: string, value: string): string {
  const entries = new Map<string, string>();
  for (const match of source.matchAll(SNAP_ENTRY)) entries.set(unescape(match[1] ?? ''), unescape(match[2] ?? ''));
  entries.set(key, value.includes('\n') ? `\n${value}\n` : value);
  const keys = [...entries.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const body = keys.map((k) => `exports[\`${escape(k)}\`] = \`${escape(entries.get(k) ?? '')}\`;`).join('\n\n');
  return `${SNAP_HEADER}\n\n${body}\n`;
}

const escape = (text: string): string => text.replace(/`|\\|\$\{/g, '\\$&');
const unescape = (text: string): string => text.replace(/\\(`|\\|\$\{)/g, '$1');

function offsetOfLine(source: string, line: number): number | undefined {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}

function lineStart(source: string, index: number): number {
  return source.lastIndexOf('\n', index - 1) + 1;
}

function skipSpace(source: string, index: number): number {
  let at = index;
  while (at < source.length && /\s/.test(source[at] ?? '')) at++;
  return at;
}

/** Just past the string or template literal that opens at `start`. */
function endOfString(source: string, start: number): number {
  const quote = source[start];
  for (let at = start + 1; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === quote) return at + 1;
  }
  throw new Error('The snapshot literal is not closed');
}

/** Just past the bracketed expression that opens at `start`, strings inside it skipped. */
function skipBalanced(source: string, start: number): number {
  let depth = 0;
  for (let at = start; at < source.length; at++) {
    const char = source[at] ?? '';
    if (char === '"' || char === "'" || char === '`') at = endOfString(source, at) - 1;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth === 0) return at + 1;
  }
  throw new Error('The snapshot call is not closed');
}

function splice(source: string, from: number, to: number, text: string): string {
  return source.slice(0, from) + text + source.slice(to);
}

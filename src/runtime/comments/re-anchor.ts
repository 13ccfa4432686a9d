/**
 * Keeps a mentor's line comment on the code it was written on when the learner resubmits. A thread stores
 * the lines it was written on (file, 1-based range) and their text; on a later revision the text is looked
 * for again: an exact match nearest the old position first, then a match that ignores whitespace (the
 * learner reformatted), else the thread is outdated (its code changed or its file is gone). UI-free: the
 * server places threads with it, and any view may.
 */

export interface Anchor {
  file: string;
  /** 1-based first line on the revision the comment was written on. */
  startLine: number;
  /** 1-based last line, inclusive. */
  endLine: number;
  /** The text of those lines, joined by "\n". */
  text: string;
}

export interface Placement {
  startLine: number;
  endLine: number;
  /** True when the lines are not where they were written (code above them changed, or they moved). */
  moved: boolean;
}

/** The anchored text of lines start..end (1-based, inclusive) of a file; lines past its end are dropped. */
export function anchorText(fileText: string, startLine: number, endLine: number): string {
  return splitLines(fileText)
    .slice(startLine - 1, endLine)
    .join('\n');
}

/** Where the anchor sits in `files` (a revision's files by path), or null when the thread is outdated. */
export function reAnchor(anchor: Anchor, files: Readonly<Record<string, string>>): Placement | null {
  const fileText = files[anchor.file];
  if (fileText === undefined) return null;
  const lines = splitLines(fileText);
  const wanted = splitLines(anchor.text);
  if (wanted.every((line) => line.trim() === '')) return blankAnchor(lines, anchor, wanted.length);
  const exact = nearestMatch(lines, wanted, anchor.startLine, (line) => line);
  const start = exact ?? nearestMatch(lines, wanted, anchor.startLine, withoutWhitespace);
  if (start === null) return null;
  return { startLine: start, endLine: start + wanted.length - 1, moved: start !== anchor.startLine };
}

/** The 1-based start of the run of `lines` equal to `wanted` (after `normalise`) nearest to `near`. */
function nearestMatch(
  lines: readonly string[],
  wanted: readonly string[],
  near: number,
  normalise: (line: string) => string,
): number | null {
  const have = lines.map(normalise);
  const want = wanted.map(normalise);
  let best: number | null = null;
  for (let i = 0; i + want.length <= have.length; i++) {
    if (!want.every((line, k) => have[i + k] === line)) continue;
    const start = i + 1;
    if (best === null || Math.abs(start - near) < Math.abs(best - near)) best = start;
  }
  return best;
}

/** Blank lines match anywhere, so a comment on blank lines alone stays only where it was, if still blank. */
function blankAnchor(lines: readonly string[], anchor: Anchor, count: number): Placement | null {
  const there = lines.slice(anchor.startLine - 1, anchor.startLine - 1 + count);
  if (there.length < count || there.some((line) => line.trim() !== '')) return null;
  return { startLine: anchor.startLine, endLine: anchor.startLine + count - 1, moved: false };
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

function withoutWhitespace(line: string): string {
  return line.replace(/\s+/g, '');
}

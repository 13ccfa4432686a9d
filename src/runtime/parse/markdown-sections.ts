/** A section of a Markdown document: its heading line and the lines up to the next heading of its level or higher. */
export interface MarkdownSection {
  /** 1-based line of the heading. */
  line: number;
  level: number;
  /** The body lines, without the heading. */
  body: string[];
}

/**
 * Finds the first section whose heading matches `heading` (case-insensitive, ignoring emphasis and a
 * trailing colon). Headings inside fenced code do not count, as in the outline.
 */
export function findSection(text: string, heading: string): MarkdownSection | undefined {
  const want = normalise(heading);
  const lines = text.split(/\r?\n/);
  let fenced = false;
  let found: MarkdownSection | undefined;
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (found) {
      if (match && (match[1]?.length ?? 1) <= found.level) break;
      found.body.push(line);
    } else if (match && normalise(match[2] ?? '') === want) {
      found = { line: i + 1, level: match[1]?.length ?? 1, body: [] };
    }
  }
  return found;
}

function normalise(heading: string): string {
  return heading.replace(/[*_`]/g, '').replace(/:\s*$/, '').trim().toLowerCase();
}

/**
 * Splits a section body into its options: top-level numbered items ("1. Redis") or subheadings
 * ("### Option 2: …"), each with the lines below it.
 */
export function splitOptions(body: readonly string[]): { title: string; lines: string[] }[] {
  const options: { title: string; lines: string[] }[] = [];
  for (const line of body) {
    const start = /^(?:\d+[.)]\s+|#{2,6}\s+)(.+)$/.exec(line);
    if (start) options.push({ title: (start[1] ?? '').trim(), lines: [] });
    else options.at(-1)?.lines.push(line);
  }
  return options;
}

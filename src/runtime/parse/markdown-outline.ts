/** The parts of a Markdown document that structure checks look at: headings, a status, tables. */
export interface MarkdownOutline {
  headings: { level: number; text: string; line: number }[];
  /** The value of a "Status: x" line or the first line of a Status section, if any. */
  status: string | undefined;
  tables: number;
}

/**
 * A small line-based reader, enough for ADRs and design docs; fenced code is skipped so an example
 * heading inside ``` does not count.
 */
export function outlineMarkdown(text: string): MarkdownOutline {
  const lines = text.split(/\r?\n/);
  const outline: MarkdownOutline = { headings: [], status: undefined, tables: 0 };
  let fenced = false;
  let inStatusSection = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const headingText = heading[2] ?? '';
      outline.headings.push({ level: heading[1]?.length ?? 1, text: headingText, line: i + 1 });
      inStatusSection = /^status$/i.test(headingText);
      return;
    }
    const statusLine =
      /^\s*(?:[-*]\s*)?(?:\*\*|__)?status(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+?)\s*(?:\*\*|__)?\s*$/i.exec(line);
    if (outline.status === undefined && statusLine) outline.status = clean(statusLine[1] ?? '');
    else if (outline.status === undefined && inStatusSection && line.trim() !== '') outline.status = clean(line);
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next)) {
      outline.tables += 1;
    }
  });
  return outline;
}

function clean(value: string): string {
  return value.replace(/[*_`]/g, '').trim();
}

/** A number quoted with a unit in prose, e.g. "p99 of 12 ms" or "$540 a month". */
export interface QuotedFigure {
  value: number;
  /** Lower-case unit as written after the number ("ms", "rps", "%"), or "usd" for a leading "$". */
  unit: string;
  /** 1-based line. */
  line: number;
  /** The figure as written, for messages. */
  text: string;
}

// A number not glued to a word ("p99", "v2", "ADR-7" are names, not figures), with thousands separators.
const FIGURE = /(?<![\w.-])(\$\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(%|[a-z]+(?:\/[a-z]+)?)?(?![\w])/gi;

/**
 * Every number the document quotes with a unit. Numbers without one (dates, ADR numbers, list counts) are
 * left out: only a figure with a unit can be compared with a data set. Fenced code is skipped.
 */
export function quotedFigures(text: string): QuotedFigure[] {
  const figures: QuotedFigure[] = [];
  let fenced = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const m of line.matchAll(FIGURE)) {
      const value = Number((m[2] ?? '').replace(/,/g, ''));
      // "540 USD/month" is a monthly figure in USD: the period is how it is read, not a different unit.
      const unit = m[1] !== undefined ? 'usd' : (m[3] ?? '').toLowerCase().replace(/\/(month|mo)$/, '');
      if (unit === '' || Number.isNaN(value)) continue;
      figures.push({ value, unit, line: i + 1, text: m[0].trim() });
    }
  });
  return figures;
}

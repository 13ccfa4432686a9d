/**
 * The one wording of a lint config that does not parse, for every engine: the author (or a learner
 * writing the config) reads the file, line and column, not only ESLint's bare "Unexpected end of input".
 */
export function lintConfigSyntaxError(file: string, line: number, column: number, reason: string): string {
  const why = reason
    .replace(/^Parsing error:\s*/, '')
    .replace(/\s*\(\d+:\d+\)$/, '')
    .trim();
  return `${file}:${line}:${column}: the lint config has a syntax error: ${why}`;
}

import type { TypeDiagnostic } from './type-program.ts';

/**
 * Reads `tsc --noEmit --pretty false` output (the WebContainer engine runs the real tsc) into the same
 * diagnostics the in-process program gives: `file(line,col): error TS2322: message`, where a message
 * chain continues on the following indented lines.
 */
const HEADER = /^(?:(.+)\((\d+),(\d+)\): )?(error|warning) TS(\d+): (.*)$/;

export function parseTscOutput(output: string): TypeDiagnostic[] {
  const diagnostics: TypeDiagnostic[] = [];
  for (const line of output.replace(/\r\n/g, '\n').split('\n')) {
    const match = HEADER.exec(line);
    if (match) {
      const [, file = '', row = '0', column = '0', category, code = '0', message = ''] = match;
      diagnostics.push({
        file: file.replace(/^\.\//, ''),
        line: Number(row),
        column: Number(column),
        code: Number(code),
        category: category === 'warning' ? 'warning' : 'error',
        message,
      });
    } else if (line.trim() !== '' && diagnostics.length > 0) {
      const last = diagnostics[diagnostics.length - 1];
      if (last) last.message += `\n${line}`;
    }
  }
  return diagnostics;
}

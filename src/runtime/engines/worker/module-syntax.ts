import { parse } from 'sucrase/dist/parser/index.js';

/**
 * The parts of ES modules the loader evaluates itself rather than leaving to Sucrase's CommonJS output,
 * rewritten on the learner's own lines:
 *
 * - `import.meta` becomes the module's own object (url, filename, dirname, env);
 * - `import(x)` goes through the loader, asynchronously, so it can wait for a module with top-level
 *   await and honour `vi.mock`;
 * - `vi.mock(…)` and `vi.unmock(…)` at the top level are hoisted above the imports, as Vitest does: the
 *   statements stay where they are, inside a function declaration (which JavaScript hoists), and line 1
 *   calls them, after the 'vitest' imports they need, which move up to line 1 too, and after the
 *   top-level `const x = vi.hoisted(…)` declarations their factories may use;
 * - a `vi.mock`, `vi.unmock` or `vi.hoisted` call nested in a block fails the file, as in Vitest.
 */

export const IMPORT_META = '__craftpath_import_meta__';
export const DYNAMIC_IMPORT = '__craftpath_import__';
export const HOIST = '__craftpath_hoist__';

interface Edit {
  start: number;
  end: number;
  text: string;
}

const NESTED_FORBIDDEN = new Set(['mock', 'unmock', 'hoisted']);

export function lowerModuleSyntax(path: string, source: string, typescript: boolean): string {
  if (!/\bimport\b|\bvi\s*\.\s*(?:un)?mock\b|\bvi\s*\.\s*hoisted\b/.test(source)) return source;
  const { tokens } = parse(source, false, typescript, false);
  const text = tokens.map((token) => source.slice(token.start, token.end));
  const edits: Edit[] = [];
  const hoisted: string[] = [];
  const vitestImports: { start: number; end: number }[] = [];
  const declarations: { start: number; end: number }[] = [];
  const nested: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const word = text[i];
    if (!token || token.isType) continue;
    if (word === 'import' && text[i + 1] === '.' && text[i + 2] === 'meta') {
      edits.push({ start: token.start, end: tokens[i + 2]?.end ?? token.end, text: IMPORT_META });
    } else if (word === 'import' && text[i + 1] === '(' && text[i - 1] !== '.') {
      edits.push({ start: token.start, end: token.end, text: DYNAMIC_IMPORT });
    } else if (depth === 0 && word === 'import' && text[i - 1] !== '.') {
      // A static import at the top level; the 'vitest' ones are kept for hoisting.
      const end = statementEnd(i);
      const from = text[end] === ';' ? end - 1 : end;
      if (/^['"]vitest['"]$/.test(text[from] ?? '')) vitestImports.push(range(i, end));
    } else if (
      depth === 0 &&
      (word === 'const' || word === 'let' || word === 'var') &&
      hoistedValueAt(i) !== undefined
    ) {
      // `const x = vi.hoisted(…)`: moved to line 1 whole, so mock factories can use x, as in Vitest.
      const last = hoistedValueAt(i) ?? i;
      declarations.push(range(i, last));
      i = last;
      continue;
    } else if (depth > 0 && word === 'vi' && text[i + 1] === '.' && NESTED_FORBIDDEN.has(text[i + 2] ?? '')) {
      if (text[i + 3] === '(' && text[i - 1] !== '.')
        nested.push(`vi.${text[i + 2]}() at ${path}:${position(token.start)}`);
    } else if (
      depth === 0 &&
      word === 'vi' &&
      text[i + 1] === '.' &&
      (text[i + 2] === 'mock' || text[i + 2] === 'unmock') &&
      text[i + 3] === '(' &&
      text[i - 1] !== '.'
    ) {
      const close = matching(i + 3);
      const last = text[close + 1] === ';' ? close + 1 : close;
      const name = `__craftpath_hoisted_${hoisted.length}`;
      hoisted.push(name);
      edits.push({ start: token.start, end: token.start, text: `function ${name}() { ` });
      edits.push({ start: tokens[last]?.end ?? token.end, end: tokens[last]?.end ?? token.end, text: ' }' });
      i = last;
      continue;
    }
    if (word === '{' || word === '(' || word === '[' || word === '${') depth++;
    else if (word === '}' || word === ')' || word === ']') depth--;
  }
  if (nested.length > 0) {
    throw new Error(
      `${nested.length} call${nested.length === 1 ? '' : 's'} in "${path}" ${nested.length === 1 ? 'was' : 'were'} defined outside of the module's top level scope:\n\n${nested.map((n) => `- ${n}`).join('\n')}\n\nAlthough it appears nested, it will be hoisted and executed before anything in this file. Move it to the top level to reflect its actual execution order.`,
    );
  }
  if (hoisted.length > 0 || declarations.length > 0) {
    const moved = [...vitestImports, ...declarations].map((statement) => {
      // Only its first line's worth of text moves; the lines it spanned stay as blank lines.
      edits.push({
        start: statement.start,
        end: statement.end,
        text: source.slice(statement.start, statement.end).replace(/[^\n]/g, ''),
      });
      const code = source.slice(statement.start, statement.end).replace(/\s*\n\s*/g, ' ');
      return code.endsWith(';') ? code : `${code};`;
    });
    const calls = hoisted.map((name) => `${name}();`).join(' ');
    const register = hoisted.length > 0 ? ` await ${HOIST}(() => { ${calls} });` : '';
    edits.push({ start: 0, end: 0, text: `${moved.join(' ')}${register} ` });
  }
  let output = source;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  }
  return output;

  /** For `const x = vi.hoisted(…)` starting at token `from`: its last token; otherwise undefined. */
  function hoistedValueAt(from: number): number | undefined {
    let k = from + 1;
    const close = text[k] === '{' || text[k] === '[' ? matching(k) : k;
    k = close + 1;
    if (text[k] === ':') return undefined;
    if (text[k] !== '=' || text[k + 1] !== 'vi' || text[k + 2] !== '.' || text[k + 3] !== 'hoisted') return undefined;
    if (text[k + 4] !== '(') return undefined;
    const end = matching(k + 4);
    const last = text[end + 1] === ';' ? end + 1 : end;
    // A `//` comment would swallow the rest of line 1 once the statement is joined onto it.
    const span = source.slice(tokens[from]?.start ?? 0, tokens[last]?.end ?? 0);
    return span.includes('//') ? undefined : last;
  }

  function position(offset: number): string {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
  }

  function range(from: number, to: number): { start: number; end: number } {
    return { start: tokens[from]?.start ?? 0, end: tokens[to]?.end ?? 0 };
  }

  /** The last token of the import statement at `from`: its module string, and its `;` if it has one. */
  function statementEnd(from: number): number {
    for (let k = from + 1; k < tokens.length; k++) {
      const isSource = text[k - 1] === 'from' || k === from + 1;
      if (/^['"]/.test(text[k] ?? '') && isSource) return text[k + 1] === ';' ? k + 1 : k;
    }
    return from;
  }

  function matching(open: number): number {
    let level = 0;
    for (let k = open; k < tokens.length; k++) {
      const word = text[k];
      if (word === '(' || word === '{' || word === '[' || word === '${') level++;
      else if ((word === ')' || word === '}' || word === ']') && --level === 0) return k;
    }
    return tokens.length - 1;
  }
}

import { parse } from 'sucrase/dist/parser/index.js';

/**
 * TypeScript that Sucrase parses but compiles wrongly, rewritten first into TypeScript it compiles
 * right, the way `tsc --isolatedModules` would emit it:
 *
 * - `namespace X { export function f() {} }` (and `module X {}`): Sucrase drops every namespace, so
 *   correct code failed with "X is not defined". It becomes tsc's `var X; (function (X) { … })(X || (X = {}))`.
 * - Parameter properties (`constructor(private a: number)`): Sucrase assigns them at the top of the
 *   constructor, after the class's own fields are defined; tsc (useDefineForClassFields, ES2022) declares
 *   them as fields first, which `Object.keys` and field initialisers that read them can see.
 *
 * Every rewrite stays on the lines it replaces, so stack traces keep pointing at the learner's lines.
 * What this cannot lower faithfully is refused with the engine's plain "not supported" message.
 */

export class UnsupportedSyntaxError extends Error {
  constructor(construct: string, path: string) {
    super(`${construct} (in ${path}) is not supported in the browser engine; the Node engine runs it`);
    this.name = 'UnsupportedSyntaxError';
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);
const DECLARATION_KEYWORDS = new Set(['function', 'class', 'enum', 'const', 'let', 'var', 'abstract', 'async']);

/** Returns the source unchanged unless it has a namespace or a parameter property. */
export function lowerTypeScript(path: string, source: string): string {
  if (!/\b(?:namespace|module|public|private|protected|readonly|override)\b/.test(source)) return source;
  const tokens = parse(source, false, true, false).tokens;
  const text = tokens.map((token) => source.slice(token.start, token.end));
  const closer = matchBrackets(text);
  const edits: Edit[] = [];
  const at = (index: number): { start: number; end: number } =>
    tokens[index] ?? { start: source.length, end: source.length };

  lowerRegion(0, text.length, undefined, new Set());
  addParameterFields();
  if (edits.length === 0) return source;
  let output = source;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  }
  return output;

  /** Token `index` opens a namespace body: `namespace Name {` not preceded by `.` or `declare`. */
  function isNamespace(index: number): boolean {
    const keyword = text[index];
    if (keyword !== 'namespace' && keyword !== 'module') return false;
    if (text[index - 1] === '.' || text[index - 1] === 'declare') return false;
    if (!/^[A-Za-z_$][\w$]*$/.test(text[index + 1] ?? '')) return false;
    if (text[index + 2] === '.') throw new UnsupportedSyntaxError(`A dotted namespace name (${keyword} A.B)`, path);
    return text[index + 2] === '{';
  }

  /**
   * Lowers the namespaces among tokens [from, to), the statements of a file or of a namespace body.
   * `exportsTo` is the enclosing namespace, whose exported members get assigned onto it.
   */
  function lowerRegion(from: number, to: number, exportsTo: string | undefined, declared: Set<string>): string[] {
    const exported: string[] = [];
    const hoisted: string[] = [];
    for (let i = from; i < to; i++) {
      const word = text[i] ?? '';
      if (word === 'declare') {
        // `declare namespace`, `declare global {…}`: types only, which Sucrase already removes.
        i = skipDeclaration(i, to);
        continue;
      }
      if (exportsTo !== undefined && word === 'export') {
        i = lowerExport(i, to, exported, hoisted);
        continue;
      }
      if (isNamespace(i)) {
        i = lowerNamespace(i, exportsTo === undefined && text[i - 1] === 'export', declared);
        continue;
      }
      if (DECLARATION_KEYWORDS.has(word) && /^[A-Za-z_$][\w$]*$/.test(text[i + 1] ?? ''))
        declared.add(text[i + 1] ?? '');
      const close = closer.get(i);
      if (close !== undefined) i = close;
    }
    if (exportsTo !== undefined && hoisted.length > 0) {
      edits.push({
        start: at(from).start,
        end: at(from).start,
        text: hoisted.map((n) => `${exportsTo}.${n} = ${n}; `).join(''),
      });
    }
    return exported;
  }

  /** `export …` inside a namespace body: drop the keyword, remember the names to assign. */
  function lowerExport(i: number, to: number, exported: string[], hoisted: string[]): number {
    const next = text[i + 1] ?? '';
    edits.push({ start: at(i).start, end: at(i).end, text: '' });
    if (next === 'import') throw new UnsupportedSyntaxError('An `export import` alias inside a namespace', path);
    if (next === 'type' || next === 'interface' || next === 'declare') return i;
    if (isNamespace(i + 1)) {
      const end = lowerNamespace(i + 1, false, new Set());
      if (namespaceIsInstantiated(i + 3)) exported.push(text[i + 2] ?? '');
      return end;
    }
    let j = i + 1;
    while (text[j] === 'async' || text[j] === 'abstract' || (text[j] === 'const' && text[j + 1] === 'enum')) j++;
    const keyword = text[j] ?? '';
    if (keyword === 'function') {
      const name = text[j + 1] === '*' ? text[j + 2] : text[j + 1];
      if (name) hoisted.push(name);
      return i;
    }
    if (keyword === 'class' || keyword === 'enum') {
      const name = text[j + 1];
      if (name) exported.push(name);
      return i;
    }
    if (keyword === 'const' || keyword === 'let' || keyword === 'var') {
      for (let k = j + 1; k < to; k++) {
        const word = text[k] ?? '';
        if (word === ';' || (k > j + 1 && startsStatement(k))) return k - 1;
        if (word === '{' || word === '[') {
          if (k === j + 1 || text[k - 1] === ',') {
            throw new UnsupportedSyntaxError('An exported destructuring declaration inside a namespace', path);
          }
        }
        if ((k === j + 1 || text[k - 1] === ',') && /^[A-Za-z_$][\w$]*$/.test(word)) {
          if ([':', '=', ',', ';', undefined].includes(text[k + 1]) || startsStatement(k + 1)) exported.push(word);
        }
        const close = closer.get(k);
        if (close !== undefined) k = close;
      }
      return to - 1;
    }
    throw new UnsupportedSyntaxError(`\`export ${keyword}\` inside a namespace`, path);
  }

  /** A token on a new line after a token that can end a statement, and that can begin one. */
  function startsStatement(k: number): boolean {
    const previous = tokens[k - 1];
    const current = tokens[k];
    if (!previous || !current || !source.slice(previous.end, current.start).includes('\n')) return false;
    if (!/[\w$)\]}'"`]$/.test(text[k - 1] ?? '')) return false;
    return /^[A-Za-z_$]/.test(text[k] ?? '') && !['in', 'instanceof', 'as', 'satisfies'].includes(text[k] ?? '');
  }

  /** Whether a namespace body (from its `{`) holds any value, as tsc decides whether to emit it at all. */
  function namespaceIsInstantiated(open: number): boolean {
    const close = closer.get(open) ?? open;
    for (let i = open + 1; i < close; i++) {
      let word = text[i] ?? '';
      if (word === ';') continue;
      if (word === 'export') word = text[++i] ?? '';
      if (word === 'type' || word === 'interface' || word === 'declare') {
        i = skipDeclaration(i, close);
        continue;
      }
      if ((word === 'namespace' || word === 'module') && text[i + 2] === '{') {
        if (namespaceIsInstantiated(i + 2)) return true;
        i = closer.get(i + 2) ?? i;
        continue;
      }
      return true;
    }
    return false;
  }

  /** Skips a type-only statement (`type X = …`, `interface X {…}`, `declare …`); returns its last token. */
  function skipDeclaration(i: number, to: number): number {
    for (let k = i + 1; k < to; k++) {
      const word = text[k] ?? '';
      if (word === ';') return k;
      const close = closer.get(k);
      if (word === '{' && close !== undefined && text[i] !== 'type') return close;
      if (close !== undefined) k = close;
      else if (startsStatement(k + 1)) return k;
    }
    return to - 1;
  }

  /** Rewrites the namespace whose keyword is token `i`; returns the index of its closing brace. */
  function lowerNamespace(i: number, isExported: boolean, declared: Set<string>): number {
    const name = text[i + 1] ?? '';
    const open = i + 2;
    const close = closer.get(open) ?? open;
    if (!namespaceIsInstantiated(open)) return close;
    const start = isExported ? at(i - 1).start : at(i).start;
    // A second block of the same namespace, or one merged with a function or class, reuses the binding.
    const declare = declared.has(name) ? '' : `${isExported ? 'export ' : ''}var ${name}; `;
    declared.add(name);
    edits.push({ start, end: at(open).end, text: `${declare}(function (${name}) {` });
    const exported = lowerRegion(open + 1, close, name, new Set());
    const assignments = exported.map((n) => ` ${name}.${n} = ${n};`).join('');
    edits.push({ start: at(close).start, end: at(close).end, text: `${assignments} })(${name} || (${name} = {}));` });
    return close;
  }

  /** Declares parameter properties as fields at the top of their class body, before its other fields. */
  function addParameterFields(): void {
    const opens: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const word = text[i];
      if (word === '{' || word === '${') opens.push(i);
      else if (word === '}') opens.pop();
      else if (word === 'constructor' && text[i + 1] === '(' && text[i - 1] !== '.') {
        const names = parameterProperties(i + 1);
        const body = opens.at(-1);
        if (names.length > 0 && body !== undefined) {
          edits.push({ start: at(body).end, end: at(body).end, text: names.map((n) => ` ${n};`).join('') });
        }
      }
    }
  }

  function parameterProperties(open: number): string[] {
    const names: string[] = [];
    const close = closer.get(open) ?? open;
    let atParameterStart = true;
    for (let k = open + 1; k < close; k++) {
      const word = text[k] ?? '';
      if (atParameterStart && MODIFIERS.has(word)) {
        let n = k;
        while (MODIFIERS.has(text[n] ?? '')) n++;
        if (/^[A-Za-z_$][\w$]*$/.test(text[n] ?? '')) names.push(text[n] ?? '');
        k = n;
      }
      atParameterStart = word === ',';
      const inner = closer.get(k);
      if (inner !== undefined) k = inner;
    }
    return names;
  }
}

/** Index of each opening bracket's partner; `${` of a template counts as an opening brace. */
function matchBrackets(text: readonly string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const opening = new Set(['{', '(', '[', '${']);
  const closing = new Set(['}', ')', ']']);
  text.forEach((word, index) => {
    if (opening.has(word)) stack.push(index);
    else if (closing.has(word)) {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, index);
    }
  });
  return pairs;
}

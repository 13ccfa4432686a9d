/**
 * The import graph of a set of workspace files, read from their text: pure, so every engine (the browser
 * worker included) builds the same graph. Only relative imports between the given files are edges; a
 * package import or a path outside the set cannot be part of a cycle among them.
 */

export interface ImportEdge {
  /** Importing file (workspace path). */
  from: string;
  /** Imported file, resolved inside the set. */
  to: string;
  /** The specifier as written, e.g. "../feeds". */
  specifier: string;
  /** 1-based line of the import. */
  line: number;
  /** `import type` / `export type`: erased at runtime, yet still a dependency of the code's meaning. */
  typeOnly: boolean;
}

/** Static imports and re-exports (`import … from`, `import '…'`, `export … from`), with an optional `type`. */
const STATIC = /\b(import|export)\s+(type\s+)?(?:[\w*${}\s,]*?\s*from\s*)?(['"])([^'"\n]+)\3/g;
/** `import('…')` and `require('…')` with a literal specifier. */
const DYNAMIC = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** Every relative import among `files` that resolves to another file of the set. */
export function importEdges(files: Readonly<Record<string, string>>, paths: readonly string[]): ImportEdge[] {
  const inSet = new Set(paths);
  const edges: ImportEdge[] = [];
  for (const from of paths) {
    const text = files[from];
    if (text === undefined) continue;
    const code = blankComments(text);
    const found: { specifier: string; index: number; typeOnly: boolean }[] = [];
    for (const m of code.matchAll(STATIC))
      found.push({ specifier: m[4] ?? '', index: m.index, typeOnly: m[2] !== undefined });
    for (const m of code.matchAll(DYNAMIC)) found.push({ specifier: m[2] ?? '', index: m.index, typeOnly: false });
    for (const { specifier, index, typeOnly } of found) {
      if (!specifier.startsWith('.')) continue;
      const to = resolve(from, specifier, inSet);
      if (to === undefined || to === from) continue;
      edges.push({ from, to, specifier, line: lineAt(code, index), typeOnly });
    }
  }
  return edges.sort((a, b) => a.from.localeCompare(b.from) || a.line - b.line);
}

/** The file a relative specifier names, the way TypeScript's bundler resolution finds it. */
function resolve(from: string, specifier: string, inSet: ReadonlySet<string>): string | undefined {
  const base = normalize([...from.split('/').slice(0, -1), ...specifier.split('/')]);
  if (base === undefined) return undefined;
  const stem = base.replace(/\.(?:js|mjs|cjs|jsx)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${base}.js`, `${base}.mjs`];
  candidates.push(...['ts', 'tsx', 'js', 'mjs'].map((ext) => `${base}/index.${ext}`));
  return candidates.find((path) => inSet.has(path));
}

/** Joins path segments, resolving "." and ".."; undefined when it climbs out of the workspace. */
function normalize(segments: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The text with comments replaced by spaces (newlines kept, so lines still count), strings left as they
 * are: a commented-out import is no dependency, and "//" inside a string is no comment.
 */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && !(c !== '`' && text[j] === '\n')) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

import type { Linter } from 'eslint/universal';
import type { LintProblem } from '../../report/check-report.ts';

/**
 * The last problems of each linted file, so a keystroke in one file does not lint the workspace's others
 * again: the editor's lint lane asks for every editable file on each pause in typing, and only one of
 * them changed. Exact, not approximate: ESLint's core rules see one file at a time, so a file's problems
 * depend only on its text, its name and the config. That holds only for a config that is plain data; one
 * with functions (a parser, a plugin's rules) could keep state between files, and one that hands the
 * parser a project (type-aware rules) reads other files, so neither is cached.
 */
export class LintCache {
  /** One entry per config and file: the text it had and what it got. */
  readonly #entries = new Map<string, { source: string; problems: LintProblem[] }>();

  /** The cache key of a config, or undefined when results under it must not be reused. */
  static keyOf(config: readonly Linter.Config[]): string | undefined {
    if (!config.every(isPlainData) || config.some(readsAProject)) return undefined;
    return JSON.stringify(config);
  }

  get(configKey: string, file: string, source: string): LintProblem[] | undefined {
    const entry = this.#entries.get(entryKey(configKey, file));
    return entry?.source === source ? entry.problems.map((p) => ({ ...p })) : undefined;
  }

  set(configKey: string, file: string, source: string, problems: readonly LintProblem[]): void {
    // A learner's edits to one file replace its entry; a new config text starts its own entries.
    if (this.#entries.size >= ENTRY_LIMIT) this.#entries.delete(this.#entries.keys().next().value ?? '');
    const key = entryKey(configKey, file);
    this.#entries.delete(key);
    this.#entries.set(key, { source, problems: problems.map((p) => ({ ...p })) });
  }
}

const ENTRY_LIMIT = 64;

function entryKey(configKey: string, file: string): string {
  return `${file}\0${configKey}`;
}

/** Strings, numbers, booleans, null, and arrays and plain objects of them: what JSON round-trips. */
function isPlainData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as Record<string, unknown>).every(isPlainData);
}

function readsAProject(config: Linter.Config): boolean {
  const options = (config.languageOptions?.['parserOptions'] ?? {}) as Record<string, unknown>;
  return 'project' in options || 'projectService' in options;
}

import type * as TypeScript from 'typescript';
import type { TypeKit } from './kit.ts';

/**
 * What one kit keeps between programs, so a keystroke costs a parse of the edited file and a check, not a
 * parse of 57 lib files and every workspace file (docs/adr/0010, "Reuse between programs"):
 *
 * - parsed SourceFiles by file name, reused while the text is the same (the lib files are parsed once);
 * - the last program per root set and file set, passed to the next as `oldProgram`, so TypeScript reuses
 *   its module resolutions and structure. Only when the workspace has the same paths: resolutions depend
 *   on which files exist, and TypeScript reuses an unchanged file's resolutions without asking the host.
 *
 * Both are kept per set of compiler options, because the parser and binder read some of them (strict
 * mode, the target) and a SourceFile keeps what they produced. The checker is never reused: TypeScript
 * makes a new one per program, so types always come from the current text.
 */
export interface ProgramCache {
  /** The cached SourceFile for this text, or a new one (then cached). */
  sourceFile(
    fileName: string,
    text: string,
    languageVersion: TypeScript.ScriptTarget | TypeScript.CreateSourceFileOptions,
  ): TypeScript.SourceFile;
  /** The program to pass as `oldProgram`: the last one built over the same roots and the same paths. */
  previous(key: string): TypeScript.Program | undefined;
  /** Keeps `program` for the next build with `key`, and drops SourceFiles no kept program uses. */
  keep(key: string, program: TypeScript.Program): void;
}

/** Option sets kept per kit (an exercise's lint and its typecheck may differ), and programs per option set. */
const OPTION_SETS = 4;
const PROGRAMS = 4;

const caches = new WeakMap<TypeKit, Map<string, ProgramCache>>();

/** The cache for programs built with `kit` and the compiler options `optionsKey` names. */
export function programCache(kit: TypeKit, optionsKey: string): ProgramCache {
  let byOptions = caches.get(kit);
  if (!byOptions) caches.set(kit, (byOptions = new Map()));
  let cache = byOptions.get(optionsKey);
  if (cache) {
    // Most recently used last, so the first key is the one to drop.
    byOptions.delete(optionsKey);
  } else {
    cache = createProgramCache(kit.ts);
    const oldest = byOptions.size >= OPTION_SETS ? byOptions.keys().next().value : undefined;
    if (oldest !== undefined) byOptions.delete(oldest);
  }
  byOptions.set(optionsKey, cache);
  return cache;
}

function createProgramCache(ts: typeof TypeScript): ProgramCache {
  const sourceFiles = new Map<string, TypeScript.SourceFile>();
  const programs = new Map<string, TypeScript.Program>();
  return {
    sourceFile(fileName, text, languageVersion) {
      const cached = sourceFiles.get(fileName);
      if (cached?.text === text) return cached;
      const created = ts.createSourceFile(fileName, text, languageVersion, true);
      sourceFiles.set(fileName, created);
      return created;
    },
    previous: (key) => programs.get(key),
    keep(key, program) {
      programs.delete(key);
      programs.set(key, program);
      const oldest = programs.size > PROGRAMS ? programs.keys().next().value : undefined;
      if (oldest !== undefined) programs.delete(oldest);
      const used = new Set<TypeScript.SourceFile>();
      for (const kept of programs.values()) for (const file of kept.getSourceFiles()) used.add(file);
      for (const [fileName, file] of sourceFiles) if (!used.has(file)) sourceFiles.delete(fileName);
    },
  };
}

import type * as TypeScript from 'typescript';
import type { Files } from '../checks/toolchain.ts';
import { BASE_COMPILER_OPTIONS, GLOBALS_D_TS, GLOBALS_D_TS_PATH, type CompilerOverrides } from './compiler-options.ts';
import type { TypeKit } from './kit.ts';
import { programCache } from './program-cache.ts';

/**
 * A TypeScript program over the workspace's in-memory files, with a virtual compiler host: the
 * workspace sits at "/", the lib files at "/lib/". Nothing is read from disk and nothing is run, which is
 * why every engine may build it in its own process (the Node engine too: learner code is only read).
 * Parsed files and the last program are reused between builds (program-cache.ts).
 */

const ROOT = '/';
const LIB_DIR = '/lib/';

/** One diagnostic as `tsc --noEmit --pretty false` prints it: file(line,col): error TScode: message. */
export interface TypeDiagnostic {
  /** Workspace path; empty for a diagnostic that belongs to no file (a bad option). */
  file: string;
  /** 1-based, as tsc prints them. */
  line: number;
  column: number;
  code: number;
  category: 'error' | 'warning';
  /** The message chain, one line per level, indented by two spaces per level as tsc prints it. */
  message: string;
}

export function createTypeProgram(
  kit: TypeKit,
  files: Files,
  roots: readonly string[],
  overrides: CompilerOverrides = {},
): TypeScript.Program {
  const { ts } = kit;
  const optionsJson = { ...BASE_COMPILER_OPTIONS, ...overrides };
  const converted = ts.convertCompilerOptionsFromJson(optionsJson, ROOT);
  const first = converted.errors[0];
  if (first) throw new Error(`Compiler options: ${ts.flattenDiagnosticMessageText(first.messageText, '\n')}`);
  const all: Record<string, string> = { ...files, [GLOBALS_D_TS_PATH]: GLOBALS_D_TS };
  const read = (fileName: string): string | undefined =>
    fileName.startsWith(LIB_DIR) ? kit.libs[fileName.slice(LIB_DIR.length)] : all[fileName.slice(ROOT.length)];
  const cache = programCache(kit, JSON.stringify(Object.entries(optionsJson).sort(([a], [b]) => a.localeCompare(b))));
  const host: TypeScript.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = read(fileName);
      return text === undefined ? undefined : cache.sourceFile(fileName, text, languageVersion);
    },
    getDefaultLibFileName: (options) => LIB_DIR + ts.getDefaultLibFileName(options),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => {},
    getCurrentDirectory: () => ROOT,
    getDirectories: () => [],
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => read(fileName) !== undefined,
    readFile: read,
    directoryExists: (dir) =>
      dir.startsWith(LIB_DIR.slice(0, -1)) ||
      Object.keys(all).some((path) => (ROOT + path).startsWith(dir.endsWith('/') ? dir : `${dir}/`)),
  };
  const rootNames = [GLOBALS_D_TS_PATH, ...roots].map((path) => ROOT + path);
  const key = JSON.stringify([rootNames, Object.keys(all).sort()]);
  const oldProgram = cache.previous(key);
  const program = ts.createProgram({
    rootNames,
    options: converted.options,
    host,
    ...(oldProgram ? { oldProgram } : {}),
  });
  cache.keep(key, program);
  return program;
}

/** What `tsc --noEmit` reports for the program, in its order, for workspace files only. */
export function typeDiagnostics(kit: TypeKit, program: TypeScript.Program): TypeDiagnostic[] {
  const { ts } = kit;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error || d.category === ts.DiagnosticCategory.Warning)
    .filter((d) => d.file === undefined || !d.file.fileName.startsWith(LIB_DIR))
    .map((d) => {
      const position =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      return {
        file: d.file ? d.file.fileName.slice(ROOT.length) : '',
        line: position.line + 1,
        column: position.character + 1,
        code: d.code,
        category: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      };
    });
}

/** tsc's own line for a diagnostic, so the results read like a terminal's `tsc --noEmit`. */
export function formatDiagnostic(d: TypeDiagnostic): string {
  const where = d.file === '' ? '' : `${d.file}:${d.line}:${d.column} - `;
  return `${where}${d.category} TS${d.code}: ${d.message}`;
}

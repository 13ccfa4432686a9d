/**
 * Evaluated modules are named `<prefix><workspace path>` through `//# sourceURL`, so their frames can be
 * told apart from the harness's own in any engine's stack format (V8 `at f (url:1:2)`, Firefox `f@url:1:2`).
 */
export const SOURCE_URL_PREFIX = 'craftpath-workspace:///';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

const FRAME = /craftpath-workspace:\/\/\/([^\s:()]+):(\d+):(\d+)/g;

/** Workspace locations in a stack, innermost first. */
export function workspaceFrames(stack: string | undefined): SourceLocation[] {
  if (!stack) return [];
  return [...stack.matchAll(FRAME)].map((m) => ({ file: m[1] ?? '', line: Number(m[2]), column: Number(m[3]) }));
}

/** Where in the learner's files an error was thrown, preferring a frame in one of `preferFiles`. */
export function locateError(error: unknown, preferFiles?: readonly string[]): SourceLocation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const known = error as { file?: unknown; line?: unknown; column?: unknown; stack?: unknown };
  if (typeof known.file === 'string' && typeof known.line === 'number') {
    return { file: known.file, line: known.line, column: typeof known.column === 'number' ? known.column : 1 };
  }
  const frames = workspaceFrames(typeof known.stack === 'string' ? known.stack : undefined);
  if (preferFiles) {
    const preferred = frames.find((frame) => preferFiles.includes(frame.file));
    if (preferred) return preferred;
  }
  return frames[0];
}

/** Rewrites our internal script names to plain workspace paths before a stack is shown to the learner. */
export function cleanStack(stack: string): string {
  return stack.replaceAll(SOURCE_URL_PREFIX, '');
}

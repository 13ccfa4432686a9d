import type { Exercise } from '../../content/schema/exercise.ts';
import type { Files } from '../checks/toolchain.ts';

/**
 * Everything an engine needs to grade one exercise, already read from wherever it is stored (disk for
 * the CLI, a fetched JSON for the browser). Pure data: no file system, no DOM.
 */
export interface ExerciseBundle {
  slug: string;
  meta: Exercise;
  /** starter/: what the learner starts with, by workspace path. */
  starter: Files;
  /** hidden/: laid over the workspace at check time, never shown. */
  hidden: Files;
  /** solution/: the reference, an overlay on the starter. */
  solution: Files;
  /** fixtures/: by exercise-relative path, e.g. "fixtures/wrong/retries-forever/src/retry.ts". */
  fixtures: Files;
}

export type FileRole = Exercise['files'][number]['role'];

export function pathsWithRole(meta: Exercise, role: FileRole): string[] {
  return meta.files.filter((f) => f.role === role).map((f) => f.path);
}

/** Files the learner may see: the starter, editable and readonly. */
export function visibleStarter(bundle: ExerciseBundle): Files {
  return pick(
    bundle.starter,
    new Set([...pathsWithRole(bundle.meta, 'editable'), ...pathsWithRole(bundle.meta, 'readonly')]),
  );
}

/**
 * The workspace a check runs in: starter ⊕ hidden ⊕ the learner's editable files. Only editable paths are
 * taken from the learner, so a submission cannot replace a readonly file or a hidden test.
 */
export function composeWorkspace(bundle: ExerciseBundle, learnerFiles: Files): Files {
  const editable = new Set(pathsWithRole(bundle.meta, 'editable'));
  return { ...bundle.starter, ...bundle.hidden, ...pick(learnerFiles, editable) };
}

/** The learner's files of the reference solution: starter with the solution overlay. */
export function solutionFiles(bundle: ExerciseBundle): Files {
  return { ...bundle.starter, ...bundle.solution };
}

/** Fixture files under an exercise-relative folder, keyed by their path inside it (a workspace path). */
export function fixturesUnder(bundle: ExerciseBundle, dir: string): Files {
  const prefix = dir.replace(/\/+$/, '') + '/';
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(bundle.fixtures)) {
    if (path.startsWith(prefix)) files[path.slice(prefix.length)] = text;
  }
  return files;
}

function pick(files: Files, keep: ReadonlySet<string>): Files {
  return Object.fromEntries(Object.entries(files).filter(([path]) => keep.has(path)));
}

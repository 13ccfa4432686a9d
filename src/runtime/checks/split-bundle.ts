import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { Files } from './toolchain.ts';
import { kindOf } from './registry.ts';

export interface BundleSplit {
  /** What may ship with the page: everything the in-browser checks need, and nothing more. */
  upfront: ExerciseBundle;
  /** Checks to grade only on submit, where the learner cannot read what they compare against. */
  onSubmit: string[];
}

/**
 * Splits a bundle for the browser. A check is deferred to submit when its kind needs Node, declares a
 * secret answer key (review defects, decision matrices), or reads a solution file the learner is asked to
 * write: shipping that would hand over the answer. Wrong solutions and unread fixtures never ship. Hidden
 * tests do ship (the browser runs them); they are hidden from the editor, not from a determined reader.
 */
export function splitBundle(bundle: ExerciseBundle): BundleSplit {
  const editable = new Set(bundle.meta.files.filter((f) => f.role === 'editable').map((f) => f.path));
  const solution = new Set<string>();
  const fixtures = new Set<string>();
  const onSubmit: string[] = [];
  for (const spec of bundle.meta.checks) {
    const kind = kindOf(spec);
    const reads = kind.reads(spec);
    const revealsAnswer = reads.solution.some((path) => editable.has(path) && path in bundle.solution);
    if (kind.runtime === 'node' || kind.answerKeyIsSecret || revealsAnswer) {
      onSubmit.push(spec.id);
      continue;
    }
    reads.solution.forEach((path) => solution.add(path));
    reads.fixtures.forEach((path) => fixtures.add(path));
  }
  return {
    upfront: { ...bundle, solution: pick(bundle.solution, solution), fixtures: pick(bundle.fixtures, fixtures) },
    onSubmit,
  };
}

function pick(files: Files, keep: ReadonlySet<string>): Files {
  return Object.fromEntries(Object.entries(files).filter(([path]) => keep.has(path)));
}

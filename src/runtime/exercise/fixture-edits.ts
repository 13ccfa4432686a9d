import type { FileEdit, Mutant, WrongSolution } from '../../content/schema/exercise.ts';
import type { Files } from '../checks/toolchain.ts';
import { fixturesUnder, solutionFiles, type ExerciseBundle } from './bundle.ts';

/**
 * Wrong solutions and mutants are written as differences from the reference (solution/), never as whole
 * copies: an overlay folder with only the files that differ, and find/replace edits for a line or two.
 * This module composes them; it is pure, so the CLI, the tests and any engine build the same files.
 */

/** A fixture that cannot be composed; the message names what to fix (the caller adds exercise and id). */
export class FixtureEditError extends Error {
  override readonly name = 'FixtureEditError';
}

/** How often `find` occurs in `text` (non-overlapping), the count an edit's "exactly once" rule is about. */
export function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) count++;
  return count;
}

/** Replaces the one occurrence of `find`; anything other than exactly one is an error naming the count. */
export function applyFindReplace(text: string, find: string, replace: string, where: string): string {
  const count = occurrences(text, find);
  if (count !== 1) {
    const found = count === 0 ? 'does not occur' : `occurs ${count} times`;
    throw new FixtureEditError(
      `${where}: the edit no longer applies: its find text ${found} in the file (it must occur exactly once): ${preview(find)}`,
    );
  }
  // A function replacement, so "$&" or "$1" in the replacement text stay literal.
  return text.replace(find, () => replace);
}

/** The files of a wrong solution as a learner would submit them: solution ⊕ overlay, then the edits. */
export function wrongSolutionFiles(bundle: ExerciseBundle, wrong: WrongSolution): Files {
  const files: Record<string, string> = {
    ...solutionFiles(bundle),
    ...(wrong.overlay === undefined ? {} : fixturesUnder(bundle, wrong.overlay)),
  };
  wrong.edits.forEach((edit, j) => {
    files[edit.file] = applyEdit(files, edit, `edits[${j}] on ${edit.file}`);
  });
  return files;
}

/** The reference subject with one mutant's bug planted. */
export function mutantText(reference: string, mutant: Mutant, subject: string): string {
  return applyFindReplace(reference, mutant.find, mutant.replace, `mutant "${mutant.id}" on ${subject}`);
}

function applyEdit(files: Files, edit: FileEdit, where: string): string {
  const text = files[edit.file];
  if (text === undefined) throw new FixtureEditError(`${where}: the solution has no file ${edit.file}`);
  return applyFindReplace(text, edit.find, edit.replace, where);
}

/** The first line of a find text, short enough to read in a one-line message. */
function preview(find: string): string {
  const [first = ''] = find.split('\n');
  const shown = first.length > 60 ? `${first.slice(0, 57)}…` : first;
  return JSON.stringify(shown + (find.includes('\n') ? ' …' : ''));
}

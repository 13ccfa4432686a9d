import yaml from 'js-yaml';
import type { FileEdit, WrongSolution } from '../../content/schema/exercise.ts';
import type { Files } from '../checks/toolchain.ts';
import { pathsWithRole, solutionFiles, type ExerciseBundle } from './bundle.ts';
import { occurrences, wrongSolutionFiles } from './fixture-edits.ts';

/**
 * Turns a learner's revision into a wrong-solution fixture an exercise author can drop in: find/replace
 * edits for files that differ in a few lines (what bundle-problems prefers to a near copy), an overlay
 * folder holding only the files that differ for the rest. Pure: the server exports it, the tests verify it.
 */

/** An edit's find text grows by context lines until it occurs once; past this many lines the file is overlaid. */
const MAX_EDIT_LINES = 30;

export interface WrongFixtureInput {
  bundle: ExerciseBundle;
  /** The learner's files as submitted; only the exercise's editable files are read (never a hidden one). */
  files: Files;
  /** Kebab-case id, unique in the exercise. */
  id: string;
  mistake: string;
  caughtBy: string;
}

export interface WrongFixture {
  /** The `wrongSolutions` entry, as exercise.yaml will hold it. */
  entry: WrongSolution;
  /** Files of the overlay folder (`fixtures/wrong/<id>/…`), keyed by workspace path; empty when edits suffice. */
  overlay: Files;
  /** The entry as a YAML list item, indented to paste under `wrongSolutions:`. */
  yamlSnippet: string;
}

export function exportWrongFixture(input: WrongFixtureInput): WrongFixture {
  const { bundle, id } = input;
  const solution = solutionFiles(bundle);
  const edits: FileEdit[] = [];
  const overlay: Record<string, string> = {};
  for (const path of pathsWithRole(bundle.meta, 'editable')) {
    const mine = input.files[path];
    const reference = solution[path];
    if (mine === undefined || mine === reference) continue;
    const edit = reference === undefined ? undefined : smallEdit(path, reference, mine);
    if (edit) edits.push(edit);
    else overlay[path] = mine;
  }
  const folder = `fixtures/wrong/${id}`;
  const entry: WrongSolution = {
    id,
    mistake: input.mistake,
    caughtBy: input.caughtBy,
    ...(Object.keys(overlay).length > 0 ? { overlay: folder } : {}),
    edits,
  };
  return { entry, overlay, yamlSnippet: yamlListItem(entry) };
}

/** What the fixture composes to, with its overlay in place: the author's copy must give the learner's files. */
export function composeExported(bundle: ExerciseBundle, fixture: WrongFixture): Files {
  const folder = fixture.entry.overlay;
  const fixtures = { ...bundle.fixtures };
  if (folder) for (const [path, text] of Object.entries(fixture.overlay)) fixtures[`${folder}/${path}`] = text;
  return wrongSolutionFiles({ ...bundle, fixtures }, fixture.entry);
}

/**
 * One find/replace turning `before` into `after`: the changed lines, widened by a line of context on each
 * side until the find text occurs exactly once. Undefined when the change is too large for an edit.
 */
export function smallEdit(file: string, before: string, after: string): FileEdit | undefined {
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  for (;;) {
    const find = a.slice(head, a.length - tail).join('');
    const replace = b.slice(head, b.length - tail).join('');
    if (a.length - tail - head > MAX_EDIT_LINES) return undefined;
    if (find !== '' && occurrences(before, find) === 1) return { file, find, replace };
    if (head === 0 && tail === 0) return undefined;
    if (head > 0) head--;
    if (tail > 0) tail--;
  }
}

/** Lines with their line breaks kept, so joining them gives the text back byte for byte. */
function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function yamlListItem(entry: WrongSolution): string {
  const text = yaml.dump([entry], { lineWidth: -1, noRefs: true });
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

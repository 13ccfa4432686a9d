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

/** Past this many lines of find text in a file (all its edits together), the file is overlaid instead. */
const MAX_EDIT_LINES = 40;
/** Files longer than this (in lines) are overlaid rather than diffed: the line diff is quadratic. */
const MAX_DIFF_LINES = 2_000;

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
    const fileEdits = reference === undefined ? undefined : editsBetween(path, reference, mine);
    if (fileEdits) edits.push(...fileEdits);
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
 * Find/replace edits turning `before` into `after`, one per changed run of lines (a line diff), each find
 * text widened by a line of context either side until it occurs exactly once in the file as the earlier
 * edits left it. Undefined when the change is too large for edits: then the file is overlaid.
 */
export function editsBetween(file: string, before: string, after: string): FileEdit[] | undefined {
  const a = linesOf(before);
  const b = linesOf(after);
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) return undefined;
  const cur = [...a];
  const edits: FileEdit[] = [];
  let shift = 0;
  let findLines = 0;
  for (const hunk of hunks(a, b)) {
    const start = hunk.aStart + shift;
    const end = hunk.aEnd + shift;
    const added = b.slice(hunk.bStart, hunk.bEnd);
    const text = cur.join('');
    let head = start;
    let tail = end;
    for (;;) {
      const find = cur.slice(head, tail).join('');
      if (find !== '' && occurrences(text, find) === 1) break;
      if (head === 0 && tail === cur.length) return undefined;
      head = Math.max(0, head - 1);
      tail = Math.min(cur.length, tail + 1);
    }
    findLines += tail - head;
    if (findLines > MAX_EDIT_LINES) return undefined;
    edits.push({
      file,
      find: cur.slice(head, tail).join(''),
      replace: [...cur.slice(head, start), ...added, ...cur.slice(end, tail)].join(''),
    });
    cur.splice(start, end - start, ...added);
    shift += added.length - (end - start);
  }
  // The edits must compose to the learner's text exactly; anything else is overlaid rather than guessed.
  let composed = before;
  for (const edit of edits) {
    if (occurrences(composed, edit.find) !== 1) return undefined;
    composed = composed.replace(edit.find, () => edit.replace);
  }
  return composed === after ? edits : undefined;
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Runs of lines that differ, in order, from a longest-common-subsequence walk of the two line lists. */
function hunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint16Array;
    const below = lcs[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (open) out.push(open);
      open = undefined;
      i++;
      j++;
      continue;
    }
    open ??= { aStart: i, aEnd: i, bStart: j, bEnd: j };
    if (j < m && (i === n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) open.bEnd = ++j;
    else open.aEnd = ++i;
  }
  if (open) out.push(open);
  return out;
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

/* eslint-disable @typescript-eslint/no-non-null-assertion -- a throwaway script, deleted in the next commit */
// Throwaway (deleted in the next commit): turns wrong-solution overlay files that are near-copies of the
// solution's file into find/replace edits, then proves that each converted fixture composes to exactly
// the files the old overlay gave. Usage: node scripts/convert-overlays.ts [--write] slug…
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { FileEdit } from '../src/content/schema/exercise.ts';
import { fixturesUnder, solutionFiles } from '../src/runtime/exercise/bundle.ts';
import { applyFindReplace, occurrences, wrongSolutionFiles } from '../src/runtime/exercise/fixture-edits.ts';
import { loadExercise } from '../src/runtime/exercise/load-from-disk.ts';

const exercisesDir = join(import.meta.dirname, '..', 'exercises');
const write = process.argv.includes('--write');
const keep = new Set(process.argv.flatMap((a) => (a.startsWith('--keep=') ? a.slice(7).split(',') : [])));
const only = new Set(process.argv.flatMap((a) => (a.startsWith('--only=') ? a.slice(7).split(',') : [])));
const slugs = process.argv.slice(2).filter((a) => !a.startsWith('--'));

/** Line ranges [from, to) of the solution replaced by [nFrom, nTo) of the overlay, from an LCS line diff. */
interface Hunk {
  from: number;
  to: number;
  nFrom: number;
  nTo: number;
}

function diffHunks(a: string[], b: string[]): Hunk[] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = (): void => {
    if (open) hunks.push({ ...open, to: i, nTo: j });
    open = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { from: i, to: i, nFrom: j, nTo: j };
    if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
    else i++;
  }
  close();
  return hunks;
}

/** Lines with their newlines, so a range joins back to the exact text. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The edit for one hunk, widened by unchanged lines until its find occurs once in `current`. Whole lines
 * are trimmed to what differs at their ends (the first line's indentation, the last newline), so a
 * one-line change reads as one line; a deletion keeps whole lines so no blank line is left behind.
 */
function editFor(file: string, a: string[], b: string[], hunk: Hunk, current: string, least = 0): FileEdit {
  for (let widen = 0; widen < 40; widen++) {
    const before = Math.min(Math.max(least, Math.ceil(widen / 2)), hunk.nFrom);
    const after = Math.min(Math.floor(widen / 2), a.length - hunk.to);
    // Lines above are as the earlier edits left them (the overlay's), lines below still the solution's.
    const above = b.slice(hunk.nFrom - before, hunk.nFrom).join('');
    const below = a.slice(hunk.to, hunk.to + after).join('');
    let find = above + a.slice(hunk.from, hunk.to).join('') + below;
    let replace = above + b.slice(hunk.nFrom, hunk.nTo).join('') + below;
    if (find.length === 0) continue; // an insertion needs a neighbour line to anchor it
    if (replace.length > 0) {
      const indent = /^[ \t]*/.exec(find)![0];
      if (replace.startsWith(indent)) {
        find = find.slice(indent.length);
        replace = replace.slice(indent.length);
      }
      if (find.endsWith('\n') && replace.endsWith('\n')) {
        find = find.slice(0, -1);
        replace = replace.slice(0, -1);
      }
    }
    if (find.length > 0 && occurrences(current, find) === 1) return narrowed({ file, find, replace }, current);
  }
  throw new Error(`${file}: no unique find for lines ${hunk.from + 1}-${hunk.to}`);
}

/**
 * A long one-line change narrowed to the words that differ (whole words, at least 20 characters of
 * find, still unique), so a reader sees the mistake rather than the sentence around it.
 */
function narrowed(edit: FileEdit, current: string): FileEdit {
  const { find, replace } = edit;
  if (find.includes('\n') || replace.includes('\n') || find.length <= 80) return edit;
  let start = 0;
  while (start < find.length && find[start] === replace[start]) start++;
  let end = 0;
  while (end < Math.min(find.length, replace.length) - start && find.at(-1 - end) === replace.at(-1 - end)) end++;
  start = find.lastIndexOf(' ', start - 1) + 1;
  const space = find.indexOf(' ', find.length - end);
  const stop = space === -1 ? find.length : space;
  const tail = find.length - stop;
  const short = { ...edit, find: find.slice(start, stop), replace: replace.slice(start, replace.length - tail) };
  const same =
    short.find.length >= 20 &&
    occurrences(current, short.find) === 1 &&
    applyFindReplace(current, short.find, short.replace, '') === applyFindReplace(current, find, replace, '');
  return same ? short : edit;
}

/**
 * In a JSON answer file keyed by item ("http-retry": {…}), an edit starts at its item's key line so it
 * says which item it changes, and the changes of one item are one edit.
 */
function anchored(file: string, a: string[], hunks: Hunk[]): { hunk: Hunk; least: number }[] {
  const keyLine = /^\s*"[^"]+": \{\n$/;
  const indent = (line: string): number => /^\s*/.exec(line)![0].length;
  // The key line of the object that encloses the hunk's first line, or -1 at the top level.
  const anchorOf = (h: Hunk): number => {
    let depth = indent(a[h.from] ?? '');
    for (let k = h.from - 1; k >= 0; k--) {
      if (indent(a[k]!) >= depth) continue;
      if (keyLine.test(a[k]!)) return k;
      depth = indent(a[k]!);
      if (a[k]!.trim() === '{' || a[k]!.trim() === '[') return -1;
    }
    return -1;
  };
  const out: { hunk: Hunk; anchor: number }[] = [];
  for (const hunk of hunks) {
    const anchor = file.endsWith('.json') ? anchorOf(hunk) : -1;
    const last = out.at(-1);
    if (anchor !== -1 && last !== undefined && last.anchor === anchor)
      last.hunk = { ...last.hunk, to: hunk.to, nTo: hunk.nTo };
    else out.push({ hunk, anchor });
  }
  // The anchor must lie after the previous edit, in lines both texts share.
  return out.map(({ hunk, anchor }, i) => {
    const previousEnd = i === 0 ? 0 : out[i - 1]!.hunk.to;
    return { hunk, least: anchor >= previousEnd ? hunk.from - anchor : 0 };
  });
}

function editsFor(file: string, solution: string, wrong: string): FileEdit[] {
  const a = linesOf(solution);
  const b = linesOf(wrong);
  const edits: FileEdit[] = [];
  let current = solution;
  // Hunks are found on the solution but each find must be unique in the text the earlier edits left.
  for (const { hunk, least } of anchored(file, a, diffHunks(a, b))) {
    const edit = editFor(file, a, b, hunk, current, least);
    current = applyFindReplace(current, edit.find, edit.replace, file);
    edits.push(edit);
  }
  if (current !== wrong) throw new Error(`${file}: the edits do not rebuild the overlay file`);
  return edits;
}

/** The share of lines two texts have in common (as a multiset), over the longer one's line count. */
function sharedRatio(a: string, b: string): number {
  const count = new Map<string, number>();
  const la = a.split('\n');
  const lb = b.split('\n');
  for (const l of la) count.set(l, (count.get(l) ?? 0) + 1);
  let shared = 0;
  for (const l of lb) {
    const c = count.get(l) ?? 0;
    if (c > 0) {
      shared++;
      count.set(l, c - 1);
    }
  }
  return shared / Math.max(la.length, lb.length);
}

for (const slug of slugs) {
  const { bundle, yamlText } = await loadExercise(exercisesDir, slug);
  const solution = solutionFiles(bundle);
  let text = yamlText;
  const before = new Map(bundle.meta.wrongSolutions.map((w) => [w.id, wrongSolutionFiles(bundle, w)]));
  const converted: string[] = [];
  for (const wrong of bundle.meta.wrongSolutions) {
    if (wrong.overlay === undefined) continue;
    const overlay = fixturesUnder(bundle, wrong.overlay);
    const edits = Object.entries(overlay).flatMap(([path, t]) => editsFor(path, solution[path]!, t));
    const changed = edits.reduce((n, e) => n + e.find.split('\n').length + e.replace.split('\n').length, 0);
    const lines = Object.values(overlay).reduce((n, t) => n + t.split('\n').length, 0);
    const ratio = Math.min(...Object.entries(overlay).map(([p, t]) => sharedRatio(solution[p]!, t)));
    console.log(
      `${slug} ${wrong.id}: ${edits.length} edits, ${changed} find+replace lines for ${lines} overlay lines, shared ${(ratio * 100).toFixed(0)}%`,
    );
    if (wrong.edits.length > 0 || keep.has(wrong.id) || (only.size > 0 && !only.has(wrong.id))) {
      console.log(`  kept as an overlay`);
      continue;
    }
    const line = `    overlay: ${wrong.overlay}\n`;
    if (occurrences(text, line) !== 1) throw new Error(`${slug} ${wrong.id}: overlay line not found once`);
    // JSON quotes with ": quote its edits with ', the rest with ", so nothing needs escaping.
    const dumped = edits
      .map((e) => {
        const text = e.find + e.replace;
        const quotingType = text.includes('"') ? "'" : '"';
        return yaml.dump([e], { lineWidth: -1, noRefs: true, quotingType });
      })
      .join('');
    const block = '    edits:\n' + dumped.replace(/^(?=.)/gm, '      ');
    text = text.replace(line, () => block);
    converted.push(wrong.overlay);
  }
  // The proof: the rewritten exercise.yaml, loaded as the platform loads it, composes every wrong
  // solution to the very files it composed to before, byte for byte.
  const yamlPath = join(exercisesDir, slug, 'exercise.yaml');
  await writeFile(yamlPath, text);
  try {
    // The old overlay folders are still on disk here; the new yaml no longer names them.
    const { bundle: after } = await loadExercise(exercisesDir, slug);
    for (const w of after.meta.wrongSolutions) {
      const files = wrongSolutionFiles(after, w);
      const old = before.get(w.id)!;
      const keys = new Set([...Object.keys(files), ...Object.keys(old)]);
      for (const k of keys) if (files[k] !== old[k]) throw new Error(`${slug} ${w.id}: ${k} differs after conversion`);
    }
    console.log(`${slug}: every wrong solution rebuilds its old files byte for byte`);
  } finally {
    if (!write) await writeFile(yamlPath, yamlText);
  }
  if (write) for (const o of converted) await rm(join(exercisesDir, slug, o), { recursive: true });
}

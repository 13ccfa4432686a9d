/**
 * One-off conversion of issue 13: wrong solutions were whole-file copies overlaid on the STARTER and
 * mutants were whole replacement files. This rewrites every exercise so a wrong solution is the SOLUTION
 * plus only what differs (find/replace edits for a few lines, an overlay file where most of it differs)
 * and a mutant is one find/replace edit on the reference subject. It proves each converted fixture
 * composes to exactly the files it replaced, then sets `caughtBy` to the first check that fails on it
 * in both engines today, and deletes the copies.
 *
 *   node scripts/convert-fixtures.ts [slug…]
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { listExerciseSlugs, loadExercise, readTree } from '../src/runtime/exercise/load-from-disk.ts';
import { occurrences } from '../src/runtime/exercise/fixture-edits.ts';
import { wrongSolutionFiles } from '../src/runtime/exercise/fixture-edits.ts';
import { runChecks } from '../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../src/runtime/engines/node/node-toolchain.ts';
import { WorkerToolchain } from '../src/runtime/engines/worker/worker-toolchain.ts';
import { writeFiles } from '../src/runtime/engines/node/run-folder.ts';

const EXERCISES = 'exercises';
/** Above this share of a file's lines changed, an overlay file reads better than edits. */
const OVERLAY_SHARE = 0.5;

interface Edit {
  find: string;
  replace: string;
}
interface OldYaml {
  files: { path: string; role: string }[];
  checks: { id: string; kind: string; subject?: string; mutants?: { file: string; description: string }[] }[];
  wrongSolutions?: { dir: string; mistake: string }[];
}

const slugs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : await listExerciseSlugs(EXERCISES);
const node = new NodeToolchain();
const worker = new WorkerToolchain();
for (const slug of slugs) await convert(slug);

async function convert(slug: string): Promise<void> {
  const dir = join(EXERCISES, slug);
  const yamlPath = join(dir, 'exercise.yaml');
  let text = await readFile(yamlPath, 'utf8');
  const old = yaml.load(text) as OldYaml;
  const starter = await readTree(join(dir, 'starter'));
  const solution = { ...starter, ...(await readTree(join(dir, 'solution'))) };
  const fixtures = await readTree(join(dir, 'fixtures'));
  const editable = old.files.filter((f) => f.role === 'editable').map((f) => f.path);
  const toDelete = new Set<string>();
  const newOverlays: Record<string, string> = {};

  // Mutants: one edit on the reference each.
  for (const check of old.checks) {
    if (!check.mutants || check.subject === undefined) continue;
    const reference = solution[check.subject];
    if (reference === undefined) throw new Error(`${slug}: no reference ${check.subject}`);
    const mutants = check.mutants.map((m) => {
      const mutated = fixtures[m.file.replace(/^fixtures\//, '')];
      if (mutated === undefined) throw new Error(`${slug}: missing ${m.file}`);
      const edit = singleEdit(reference, mutated);
      if (reference.replace(edit.find, () => edit.replace) !== mutated) throw new Error(`${slug}: ${m.file} edit`);
      toDelete.add(m.file);
      return { id: basename(m.file), description: m.description, ...edit };
    });
    text = replaceBlock(text, 'mutants', check.mutants[0]?.file ?? '', mutants);
  }

  // Wrong solutions: the solution plus edits and an overlay of what differs.
  const wrongs = (old.wrongSolutions ?? []).map((w) => {
    const folder = w.dir.replace(/^fixtures\//, '').replace(/\/+$/, '');
    const copies = Object.fromEntries(
      Object.entries(fixtures)
        .filter(([p]) => p.startsWith(`${folder}/`))
        .map(([p, t]) => [p.slice(folder.length + 1), t]),
    );
    const dropped = Object.keys(copies).filter((p) => !editable.includes(p));
    if (dropped.length > 0) console.log(`${slug} ${w.dir}: not editable, had no effect: ${dropped.join(', ')}`);
    for (const p of Object.keys(copies)) toDelete.add(`fixtures/${folder}/${p}`);
    const edits: ({ file: string } & Edit)[] = [];
    const overlay: Record<string, string> = {};
    for (const path of editable) {
      const wrongText = copies[path] ?? starter[path];
      const base = solution[path];
      if (wrongText === undefined || base === undefined || wrongText === base) continue;
      const fileEdits = editsFor(base, wrongText);
      if (fileEdits) edits.push(...fileEdits.map((e) => ({ file: path, ...e })));
      else overlay[path] = wrongText;
    }
    for (const [p, t] of Object.entries(overlay)) newOverlays[`fixtures/${folder}/${p}`] = t;
    const id = folder.split('/').pop() ?? folder;
    return {
      id,
      mistake: w.mistake,
      caughtBy: old.checks[0]?.id ?? '',
      ...(Object.keys(overlay).length > 0 ? { overlay: `fixtures/${folder}` } : {}),
      ...(edits.length > 0 ? { edits } : {}),
      expected: Object.fromEntries(editable.map((p) => [p, copies[p] ?? starter[p]])),
    };
  });

  for (const path of toDelete) await rm(join(dir, path));
  await writeFiles(dir, newOverlays);
  const dump = (withCaught: typeof wrongs): string =>
    wrongs.length === 0
      ? ''
      : yaml.dump(
          { wrongSolutions: withCaught.map(({ expected: _expected, ...rest }) => rest) },
          { lineWidth: -1, noRefs: true, quotingType: '"' },
        );
  const head = text.slice(0, text.search(/^wrongSolutions:/m) === -1 ? text.length : text.search(/^wrongSolutions:/m));
  await writeFile(yamlPath, head + dump(wrongs));

  // Prove the composition reproduces the old files, then find the check that catches each one today.
  const { bundle } = await loadExercise(EXERCISES, slug).catch((error: unknown) => {
    console.log((error as Error).message);
    throw error;
  });
  for (const [i, w] of bundle.meta.wrongSolutions.entries()) {
    const files = wrongSolutionFiles(bundle, w);
    const expected = wrongs[i]?.expected ?? {};
    for (const [path, want] of Object.entries(expected)) {
      if (files[path] !== want) throw new Error(`${slug} ${w.id}: ${path} does not reproduce the old copy`);
    }
    const fromNode = await runChecks(bundle, files, node);
    const fromWorker = await runChecks(bundle, files, worker);
    const failsInBoth = bundle.meta.checks.find(
      (c) =>
        fromNode.checks.find((r) => r.id === c.id)?.status === 'fail' &&
        fromWorker.checks.find((r) => r.id === c.id)?.status === 'fail',
    );
    const summary = (r: typeof fromNode) => r.checks.map((c) => `${c.id}:${c.status}`).join(' ');
    if (!failsInBoth)
      console.log(`${slug} ${w.id}: NO check fails in both: node ${summary(fromNode)} / worker ${summary(fromWorker)}`);
    const entry = wrongs[i];
    if (entry) entry.caughtBy = failsInBoth?.id ?? entry.caughtBy;
    console.log(`${slug} ${w.id}: caughtBy ${entry?.caughtBy} (node ${summary(fromNode)})`);
  }
  await writeFile(yamlPath, head + dump(wrongs));
}

function basename(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
}

/** Line hunks between two texts: [start, end) in `a` replaced by [start, end) in `b`. */
function hunks(a: string[], b: string[]): { a0: number; a1: number; b0: number; b1: number }[] {
  const n = a.length;
  const m = b.length;
  // Length of the longest common subsequence of a[i..] and b[j..], flat for speed.
  const table = new Int32Array((n + 1) * (m + 1));
  const lcs = (i: number, j: number): number => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * (m + 1) + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
  const out: { a0: number; a1: number; b0: number; b1: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const a0 = i;
    const b0 = j;
    while ((i < n || j < m) && !(i < n && j < m && a[i] === b[j])) {
      if (j < m && (i >= n || lcs(i, j + 1) >= lcs(i + 1, j))) j++;
      else i++;
    }
    const last = out[out.length - 1];
    // Hunks two lines apart or less read better as one edit.
    if (last && a0 - last.a1 <= 2) {
      last.a1 = i;
      last.b1 = j;
    } else out.push({ a0, a1: i, b0, b1: j });
  }
  return out;
}

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Edits that turn base into target, each unique when applied in order, or undefined if most lines differ. */
function editsFor(base: string, target: string): Edit[] | undefined {
  const a = lines(base);
  const b = lines(target);
  const hs = hunks(a, b);
  const changed = hs.reduce((sum, h) => sum + Math.max(h.a1 - h.a0, h.b1 - h.b0), 0);
  if (changed > OVERLAY_SHARE * Math.max(a.length, b.length)) return undefined;
  const edits: Edit[] = [];
  let current = base;
  // In order: lines before a hunk are already edited (the target's), lines after it are still the base's.
  for (const h of hs) {
    const edit = uniqueEdit(current, a, b, h);
    if (!edit) return undefined;
    current = current.replace(edit.find, () => edit.replace);
    edits.push(edit);
  }
  let replay = base;
  for (const e of edits) {
    if (occurrences(replay, e.find) !== 1) return undefined;
    replay = replay.replace(e.find, () => e.replace);
  }
  return replay === target ? edits : undefined;
}

function uniqueEdit(
  current: string,
  a: string[],
  b: string[],
  h: { a0: number; a1: number; b0: number; b1: number },
): Edit | undefined {
  const { a0, a1, b0, b1 } = h;
  let before = 0;
  let after = 0;
  for (let widen = 0; widen < 40; widen++) {
    const pre = b.slice(b0 - before, b0).join('');
    const post = a.slice(a1, a1 + after).join('');
    const edit = tidy(pre + a.slice(a0, a1).join('') + post, pre + b.slice(b0, b1).join('') + post);
    if (edit.find.trim().length > 0 && occurrences(current, edit.find) === 1) return edit;
    // Widen by a line of context, before first, then after, while there is one.
    const canBefore = b0 - before > 0;
    const canAfter = a1 + after < a.length;
    if (canBefore && (widen % 2 === 0 || !canAfter)) before++;
    else if (canAfter) after++;
    else return undefined;
  }
  return undefined;
}

/** Drops a shared final newline and shared indentation so the YAML shows the change, not the layout. */
function tidy(find: string, replace: string): Edit {
  let f = find;
  let r = replace;
  if (f.endsWith('\n') && r.endsWith('\n')) {
    f = f.slice(0, -1);
    r = r.slice(0, -1);
  }
  const indent = /^[ \t]*/.exec(f)?.[0] ?? '';
  if (indent && r.startsWith(indent)) {
    f = f.slice(indent.length);
    r = r.slice(indent.length);
  }
  return { find: f, replace: r };
}

/** One edit spanning every difference, for mutants (the contract gives a mutant one find/replace). */
function singleEdit(base: string, target: string): Edit {
  const a = lines(base);
  const b = lines(target);
  const hs = hunks(a, b);
  const first = hs[0];
  const last = hs[hs.length - 1];
  if (!first || !last) throw new Error('mutant identical to the reference');
  const edit = uniqueEdit(base, a, b, { a0: first.a0, a1: last.a1, b0: first.b0, b1: last.b1 });
  if (!edit) throw new Error('no unique edit');
  return edit;
}

/** Replaces the `mutants:` block that starts with `firstFile` by the new mutants, at the same indent. */
function replaceBlock(text: string, key: string, firstFile: string, items: unknown[]): string {
  const at = text.indexOf(`- file: ${firstFile}`);
  const keyAt = text.lastIndexOf(`${key}:`, at);
  const lineStart = text.lastIndexOf('\n', keyAt) + 1;
  const indent = text.slice(lineStart, keyAt);
  const rest = text.slice(keyAt).split('\n');
  let count = 1;
  while (count < rest.length && (rest[count]?.startsWith(indent + ' ') || rest[count] === '')) count++;
  const block = yaml
    .dump({ [key]: items }, { lineWidth: -1, noRefs: true, quotingType: '"' })
    .trimEnd()
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
  return text.slice(0, lineStart) + block + '\n' + rest.slice(count).join('\n');
}

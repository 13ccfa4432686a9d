// `npm run bench`: measures what a learner waits for, on the production build in headless Chromium, and
// prints a table against the goals (also written to test-results/bench.json). Figures, not pass/fail:
// timing asserts flake on a shared machine, so goals are reported, and CI does not run this.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { launchChromium } from '../tests/support/chromium.ts';
import { startPreview } from '../tests/support/preview-server.ts';
import { loadExercise } from '../src/runtime/exercise/load-from-disk.ts';
import { pathsWithRole, visibleStarter } from '../src/runtime/exercise/bundle.ts';
import { runChecks } from '../src/runtime/grading/run-checks.ts';
import { NodeToolchain } from '../src/runtime/engines/node/node-toolchain.ts';
import { EDITOR_LINT_CONFIG } from '../src/runtime/checks/editor-lint-config.ts';
import type { PhaseTimes } from '../src/runtime/engines/worker/phase-times.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const KEYSTROKES = Number(process.env['BENCH_KEYSTROKES'] ?? 30);
/** Runs of the real tools in Node per figure: each Vitest run is a sandboxed process, seconds long. */
const NODE_RUNS = Number(process.env['BENCH_NODE_RUNS'] ?? 3);
/** Pause between two runs, as a learner reads the results: the engine warms the next run's worker meanwhile. */
const RUN_PAUSE_MS = Number(process.env['BENCH_RUN_PAUSE_MS'] ?? 1_000);
/** Pause between Start and the first keystroke of the lint figures. */
const LINT_SETTLE_MS = Number(process.env['BENCH_LINT_SETTLE_MS'] ?? 3_000);
/** Only these exercises' runs (comma-separated slugs), for a quick look at a few: BENCH_EXERCISES=a,b. */
const ONLY_EXERCISES = process.env['BENCH_EXERCISES']?.split(',').filter(Boolean);
/** The run-to-results goal; exercises whose point is real time are reported but not held to it. */
const RUN_GOAL_MS = 150;
const REAL_TIME_EXERCISES = new Set(['rate-limiter-clock']);

if (!process.argv.includes('--no-build')) {
  // The same two steps as `npm run build`, so the measured pages are the deployed ones, search index included.
  for (const [cmd, ...args] of [
    ['astro', 'build'],
    ['pagefind', '--site', 'dist'],
  ] as const) {
    const build = spawnSync(cmd, args, { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

interface LessonInfo {
  id: string;
  exercises: string[];
}
const lessons: LessonInfo[] = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const text = readFileSync(`content/lessons/${f}`, 'utf8');
    const slugs = [...text.matchAll(/<Exercise\s+slug="([^"]+)"/g)].map((m) => m[1] ?? '');
    return { id: f.replace(/\.mdx$/, ''), exercises: slugs };
  });
const plain = lessons.find((l) => l.exercises.length === 0);
const withExercise = lessons.filter((l) => l.exercises.length > 0);

const server = await startPreview();
const browser = await launchChromium();
const results: Record<string, unknown> = {};
/** measure, value, the same work by the real tool in Node in this run, goal. */
const rows: [string, string, string, string][] = [];
const notes: string[] = [];
/** The figures with a goal, for the summary: value and goal in ms or KB, and the real tool's figure. */
const goals: { figure: string; value: number; limit: number; unit: 'ms' | 'KB'; node?: number }[] = [];

try {
  // Every lesson embeds an exercise now; a track page is the same layout without one.
  const plainPath = plain ? `/lessons/${plain.id}/` : '/tracks/code-quality/';
  const { bytes } = await jsBytes(plainPath, async () => undefined);
  results['pageWithoutExerciseJsGzip'] = bytes;
  rows.push([`JS (gzip), page without exercise (${plainPath})`, kb(bytes), '', '< 50 KB']);
  goals.push({ figure: 'JS (gzip), page without exercise', value: bytes / 1024, limit: 50, unit: 'KB' });
  const first = withExercise[0];
  if (first) {
    let startAt = 0;
    const measured = await jsBytes(`/lessons/${first.id}/`, async (page, bytesSoFar, atLoad, quiet) => {
      results['lessonWithExerciseAtLoadJsGzip'] = atLoad;
      rows.push([`JS (gzip), lesson with exercise, until load (${first.id})`, kb(atLoad), '', '< 50 KB']);
      goals.push({ figure: 'JS (gzip), lesson until load', value: atLoad / 1024, limit: 50, unit: 'KB' });
      // The exercise is at the lesson's end, out of view: reading the top must not fetch the workbench.
      await page.waitForTimeout(2_500);
      await quiet();
      results['lessonWithExerciseOutOfViewJsGzip'] = bytesSoFar();
      rows.push([`JS (gzip), same lesson, idle with the exercise out of view`, kb(bytesSoFar()), '', '']);
      // Scrolled to a screen and a half above the exercise: near enough for the prefetch (element.ts), not
      // for the start on arrival.
      await page.evaluate(() => {
        const top = document.querySelector('craftpath-exercise')?.getBoundingClientRect().top ?? 0;
        window.scrollTo(0, Math.max(0, window.scrollY + top - window.innerHeight * 1.5));
      });
      await page.locator('[data-engine-sandbox]').waitFor({ state: 'attached', timeout: 30_000 });
      await quiet();
      results['lessonWithExerciseBeforeEditorJsGzip'] = bytesSoFar();
      rows.push([`JS (gzip), same lesson, prefetched as the exercise nears`, kb(bytesSoFar()), '', '']);
      startAt = await page.evaluate(() => performance.now());
      // A DOM click, not Playwright's: that scrolls the button into view first, and reaching the exercise
      // starts it on its own (element.ts), which removes the button under the click.
      await page
        .locator('[data-start]')
        .first()
        .evaluate((button) => (button as HTMLButtonElement).click());
      await page.locator('.monaco-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
      const visibleAt = await page.evaluate(() => performance.now());
      results['editorVisibleMs'] = visibleAt - startAt;
      rows.push(['Editor visible after Start (prefetched)', ms(visibleAt - startAt), '', '< 800 ms']);
      goals.push({ figure: 'Editor visible after Start', value: visibleAt - startAt, limit: 800, unit: 'ms' });
      await page.waitForFunction(
        () => document.querySelector('.workbench__editor')?.hasAttribute('data-linted-at'),
        null,
        { timeout: 30_000 },
      );
      const lintedAt = await page.evaluate(() => performance.now());
      results['firstLintMarkersMs'] = lintedAt - startAt;
      rows.push(['First lint markers after Start', ms(lintedAt - startAt), '', '< 1.5 s']);
      goals.push({ figure: 'First lint markers after Start', value: lintedAt - startAt, limit: 1_500, unit: 'ms' });
      // Not waitForLoadState('networkidle'): that lifecycle event has fired already, and after the scroll
      // Playwright sometimes never reports it again.
      await quiet();
    });
    results['lessonWithExerciseAfterEditorJsGzip'] = measured.bytes;
    rows.push([`JS (gzip), same lesson after the editor started`, kb(measured.bytes), '', '']);

    const cold = await coldStart(first.id);
    results['editorVisibleColdMs'] = cold;
    rows.push(['Editor visible after Start, pressed before any prefetch', ms(cold), '', '']);

    const lint = await lintLatency(first.id);
    const nodeLint = nodeLintMs(lint.text);
    results['lintKeystroke300Lines'] = { ...lint, text: undefined, nodeLinterP50: nodeLint };
    rows.push([
      'Lint of a 300-line file, engine time (p50 / p95)',
      `${ms(lint.engine.p50)} / ${ms(lint.engine.p95)}`,
      `${ms(nodeLint)} (${ratio(lint.engine.p50, nodeLint)})`,
      'p50 < 30 ms',
    ]);
    goals.push({
      figure: 'Lint, 300-line file, engine p50',
      value: lint.engine.p50,
      limit: 30,
      unit: 'ms',
      node: nodeLint,
    });
    rows.push([
      'Lint request to problems, files unchanged since the last lint (p50 / p95)',
      `${ms(lint.request.p50)} / ${ms(lint.request.p95)}`,
      '',
      '',
    ]);
    rows.push([
      'Keystroke to markers, incl. debounce (p50 / p95)',
      `${ms(lint.keystroke.p50)} / ${ms(lint.keystroke.p95)}`,
      '',
      'p50 < 150 ms',
    ]);
    goals.push({ figure: 'Keystroke to markers p50', value: lint.keystroke.p50, limit: 150, unit: 'ms' });
  }
  const runs: Record<string, unknown> = {};
  const runTable: { slug: string; total: number; node: number; realTime: boolean }[] = [];
  const toolchain = new NodeToolchain();
  for (const lesson of withExercise) {
    for (const slug of lesson.exercises) {
      if (ONLY_EXERCISES && !ONLY_EXERCISES.includes(slug)) continue;
      const r = await runLatency(lesson.id, slug);
      if (Number.isNaN(r.total.p50)) continue;
      const node = await nodeRunMs(slug, toolchain);
      runs[slug] = { ...r, nodeVitestP50: node };
      rows.push([
        `Run to results: ${slug} (p50 / p95)`,
        `${ms(r.total.p50)} / ${ms(r.total.p95)}`,
        `${ms(node)} (${ratio(r.total.p50, node)})`,
        'p50 < 150 ms',
      ]);
      runTable.push({ slug, total: r.total.p50, node, realTime: REAL_TIME_EXERCISES.has(slug) });
      if (r.total.p50 >= RUN_GOAL_MS) notes.push(whereTheTimeGoes(slug, r));
    }
  }
  results['runToResults'] = runs;
  results['runTable'] = runTable;
} finally {
  await browser.close();
  server.stop();
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(18)}  ${'real tool in Node'.padStart(24)}  goal`);
for (const [name, value, node, goal] of rows)
  console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${node.padStart(24)}  ${goal}`);
console.log(
  "\nReal tool in Node: ESLint's Linter with typescript-eslint's parser on the same file and rules;" +
    ' for runs, runChecks with the Node engine (sandboxed ESLint and Vitest processes) on the same files.' +
    ` Medians of ${NODE_RUNS}; (x) is the browser figure over the Node one.`,
);
if (notes.length > 0)
  console.log(`\nWhere the time goes, runs at or above 150 ms (p50 of each part):\n  ${notes.join('\n  ')}`);
results['notes'] = notes;
printSummary();
mkdirSync('test-results', { recursive: true });
writeFileSync(
  'test-results/bench.json',
  JSON.stringify({ at: new Date().toISOString(), runs: RUNS, ...results }, null, 2),
);
console.log('\nwritten to test-results/bench.json');

/**
 * Gzipped bytes of every script the page (and its workers) fetched, counted at the end of `during`;
 * `atLoad` counts only those requested before the load event, which is what reading the page costs (the
 * workbench is prefetched after it, while idle).
 */
async function jsBytes(
  path: string,
  during: (page: Page, bytesSoFar: () => number, atLoad: number, quiet: () => Promise<void>) => Promise<void>,
): Promise<{ bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Map<string, number>();
  const beforeLoad = new Set<string>();
  let loaded = false;
  context.on('response', (res) => {
    const url = res.url();
    const type = res.request().resourceType();
    if (!(type === 'script' || /\.m?js(\?|$)/.test(url)) || seen.has(url)) return;
    seen.set(url, 0);
    if (!loaded) beforeLoad.add(url);
    res.body().then(
      (body) => seen.set(url, gzipSync(body).length),
      () => undefined,
    );
  });
  const total = () => [...seen.values()].reduce((a, b) => a + b, 0);
  await page.goto(server.url + path, { waitUntil: 'load' });
  loaded = true;
  await page.waitForLoadState('networkidle');
  const atLoad = [...beforeLoad].reduce((sum, url) => sum + (seen.get(url) ?? 0), 0);
  // No new script for a second: what the page set off has arrived (waitForLoadState only waits once).
  const quiet = async (): Promise<void> => {
    let before = -1;
    while (seen.size !== before) {
      before = seen.size;
      await page.waitForTimeout(1_000);
    }
  };
  await during(page, total, atLoad, quiet);
  await page.waitForTimeout(300);
  const bytes = total();
  await context.close();
  return { bytes };
}

/** Start pressed at once after the page's HTML, before the idle prefetch could run. */
async function coldStart(lessonId: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/lessons/${lessonId}/`, { waitUntil: 'domcontentloaded' });
  const startAt = await page.evaluate(() => performance.now());
  // A DOM click, not Playwright's: that scrolls the button into view first, and reaching the exercise
  // starts it on its own (element.ts), which removes the button under the click.
  await page
    .locator('[data-start]')
    .first()
    .evaluate((button) => (button as HTMLButtonElement).click());
  await page.locator('.monaco-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
  const visibleAt = await page.evaluate(() => performance.now());
  await context.close();
  return visibleAt - startAt;
}

async function openWorkbench(lessonId: string, slug: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/lessons/${lessonId}/`);
  await page.evaluate(async (s) => {
    const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
      start(): Promise<unknown>;
    };
    await el.start();
  }, slug);
  return { page, close: () => context.close() };
}

interface Percentiles {
  p50: number;
  p95: number;
}

/** The benchmark's 300-line file: one function a line, each with a loose comparison (eqeqeq). */
function longFile(): string {
  const line = (i: number) =>
    `export function f${i}(a: number, b: number): number { return a == b ? a + ${i} : b - ${i}; }`;
  return Array.from({ length: 300 }, (_, i) => line(i)).join('\n');
}

async function lintLatency(
  lessonId: string,
): Promise<{ engine: Percentiles; request: Percentiles; keystroke: Percentiles; text: string }> {
  const lesson = withExercise.find((l) => l.id === lessonId);
  const slug = lesson?.exercises[0] ?? '';
  const { page, close } = await openWorkbench(lessonId, slug);
  // A learner reads the task before typing; meanwhile the engine loads its first run's worker, which
  // would otherwise compete with the first keystrokes' lints for the CPU.
  await page.waitForTimeout(LINT_SETTLE_MS);
  const text = longFile();
  const samples = await page.evaluate(
    async ({ s, n, text }) => {
      type Handle = {
        setFile(p: string, t: string): void;
        lintNow(): Promise<unknown>;
        timings(): { lint?: { engineMs: number } };
      };
      const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
        workbench: Promise<Handle>;
      };
      const wb = await el.workbench;
      const bundle = (await (await fetch(el.dataset['src'] ?? '')).json()) as {
        meta: { files: { path: string; role: string }[] };
      };
      const target = bundle.meta.files.find((f) => f.role === 'editable' && /\.(ts|js)$/.test(f.path))?.path ?? '';
      const editor = document.querySelector('.workbench__editor') as HTMLElement;
      const engine: number[] = [];
      const request: number[] = [];
      const keystroke: number[] = [];
      // Typing: one keystroke, then the time until the editor's markers are replaced (debounce included),
      // and the time the lint itself took in the worker. Pauses between keystrokes let each lint finish,
      // so none is superseded.
      for (let i = 0; i < n; i++) {
        await new Promise((r) => setTimeout(r, 400));
        const marked = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(editor, { attributes: true, attributeFilter: ['data-linted-at'] });
        });
        const t0 = performance.now();
        wb.setFile(target, `${text}\n// keystroke ${i}`);
        keystroke.push((await marked) - t0);
        engine.push(wb.timings().lint?.engineMs ?? NaN);
      }
      // Asked directly, as the tests do: request to problems, without the debounce. The text stays as the
      // last keystroke left it (a change would set off the editor's own lint, which supersedes this one), so
      // the worker answers from its cache of unchanged files (lint-cache.ts): this is the round trip.
      for (let i = 0; i < n; i++) {
        await new Promise((r) => setTimeout(r, 400));
        const t0 = performance.now();
        await wb.lintNow();
        request.push(performance.now() - t0);
      }
      return { engine, request, keystroke };
    },
    { s: slug, n: KEYSTROKES, text },
  );
  await close();
  return {
    engine: percentiles(samples.engine.slice(3)),
    request: percentiles(samples.request.slice(3)),
    keystroke: percentiles(samples.keystroke.slice(3)),
    text,
  };
}

/** ESLint's own Linter in Node on the same text and the editor's rules, parsed as the Node engine parses TS. */
function nodeLintMs(text: string): number {
  const rules = Object.fromEntries(
    [...EDITOR_LINT_CONFIG.matchAll(/'([a-z-]+)': 'warn'/g)].map((m) => [m[1] ?? '', 'warn' as const]),
  );
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    { files: ['**/*.ts'], rules },
  ];
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    linter.verify(`${text}\n// keystroke ${i}`, config, { filename: 'src/loader.ts' });
    samples.push(performance.now() - t0);
  }
  return percentiles(samples.slice(3)).p50;
}

/** The same exercise's checks on the same (starter) files through the Node engine: real ESLint and Vitest. */
async function nodeRunMs(slug: string, toolchain: NodeToolchain): Promise<number> {
  const { bundle } = await loadExercise('exercises', slug);
  const starter = visibleStarter(bundle);
  const files = Object.fromEntries(
    pathsWithRole(bundle.meta, 'editable').flatMap((p) => (starter[p] === undefined ? [] : [[p, starter[p]]])),
  );
  const samples: number[] = [];
  for (let i = 0; i < NODE_RUNS; i++) {
    const t0 = performance.now();
    await runChecks(bundle, files, toolchain);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples).p50;
}

interface RunFigures {
  total: Percentiles;
  /** runChecks inside the worker (the report's durationMs). */
  engine: Percentiles;
  /** Waiting for the run's worker to load; 0 when the pre-spawned one was warm in time. */
  waited: Percentiles;
  /** Everything else: messages through the sandbox frame, capping, rendering the report. */
  rest: Percentiles;
  /** p50 of each check's own duration. */
  checks: Record<string, number>;
  /** p50 of each phase inside the worker (phase-times.ts). */
  phases: PhaseTimes;
}

async function runLatency(lessonId: string, slug: string): Promise<RunFigures> {
  const { page, close } = await openWorkbench(lessonId, slug);
  const samples = await page.evaluate(
    async ({ s, n, pause }) => {
      type Timing = { engineMs: number; waitedForWorkerMs: number; phases?: Record<string, number> };
      type Handle = {
        run?: () => Promise<{ durationMs: number; checks: { id: string; durationMs: number }[] } | undefined>;
        timings(): { run?: Timing };
      };
      const el = document.querySelector(`craftpath-exercise[data-slug="${s}"]`) as HTMLElement & {
        workbench: Promise<Handle>;
      };
      const wb = await el.workbench;
      const out: {
        total: number;
        engine: number;
        waited: number;
        checks: Record<string, number>;
        phases: Record<string, number>;
      }[] = [];
      // Judgment exercises (review, decision, impact) are graded on Submit, not Run: nothing to time here.
      if (typeof wb.run !== 'function') return out;
      for (let i = 0; i < n + 2; i++) {
        // A learner reads the results before the next run; meanwhile the next worker loads and warms up.
        await new Promise((r) => setTimeout(r, pause));
        const t0 = performance.now();
        const report = await wb.run();
        await new Promise((r) => requestAnimationFrame(r));
        const total = performance.now() - t0;
        const timing = wb.timings().run;
        out.push({
          total,
          engine: report?.durationMs ?? NaN,
          waited: timing?.waitedForWorkerMs ?? NaN,
          checks: Object.fromEntries((report?.checks ?? []).map((c) => [c.id, c.durationMs])),
          phases: timing?.phases ?? {},
        });
      }
      return out.slice(2);
    },
    { s: slug, n: RUNS, pause: RUN_PAUSE_MS },
  );
  await close();
  const ids = [...new Set(samples.flatMap((x) => Object.keys(x.checks)))];
  return {
    total: percentiles(samples.map((x) => x.total)),
    engine: percentiles(samples.map((x) => x.engine)),
    waited: percentiles(samples.map((x) => x.waited)),
    rest: percentiles(samples.map((x) => x.total - x.engine - x.waited)),
    checks: Object.fromEntries(ids.map((id) => [id, percentiles(samples.map((x) => x.checks[id] ?? NaN)).p50])),
    phases: {
      transformMs: percentiles(samples.map((x) => x.phases['transformMs'] ?? NaN)).p50,
      loadMs: percentiles(samples.map((x) => x.phases['loadMs'] ?? NaN)).p50,
      testsMs: percentiles(samples.map((x) => x.phases['testsMs'] ?? NaN)).p50,
      lintMs: percentiles(samples.map((x) => x.phases['lintMs'] ?? NaN)).p50,
    },
  };
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = samples.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}
function ratio(browser: number, node: number): string {
  return `${(browser / node).toFixed(2)}x`;
}
function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** The compact view: each figure with a goal, whether it is met, and the real tool's figure beside it. */
function printSummary(): void {
  const table = results['runTable'] as { slug: string; total: number; node: number; realTime: boolean }[] | undefined;
  console.log(`\nSummary (goal met?; ratio = browser figure / the real tool in Node, same run)`);
  const line = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const widths = [34, 12, 10, 5, 11, 6];
  console.log(line(['figure', 'value', 'goal', 'met?', 'Node tool', 'ratio'], widths));
  for (const g of goals) {
    const value = g.unit === 'KB' ? `${g.value.toFixed(1)} KB` : ms(g.value);
    const limit = `< ${g.limit} ${g.unit}`;
    const node = g.node === undefined ? '' : ms(g.node);
    const r = g.node === undefined ? '' : ratio(g.value, g.node);
    console.log(line([g.figure, value, limit, g.value < g.limit ? 'yes' : 'NO', node, r], widths));
  }
  if (!table || table.length === 0) return;
  const held = table.filter((t) => !t.realTime);
  const met = held.filter((t) => t.total < RUN_GOAL_MS).length;
  console.log(`\nRun to results, p50 (goal < ${RUN_GOAL_MS} ms): ${met} of ${held.length} exercises met`);
  const runWidths = [28, 12, 5, 12, 6];
  console.log(line(['exercise', 'p50', 'met?', 'Node tool', 'ratio'], runWidths));
  for (const t of table) {
    const mark = t.realTime ? 'n/a' : t.total < RUN_GOAL_MS ? 'yes' : 'NO';
    console.log(line([t.slug, ms(t.total), mark, ms(t.node), ratio(t.total, t.node)], runWidths));
  }
  if (REAL_TIME_EXERCISES.size > 0)
    console.log(`n/a: the exercise's point is real time (${[...REAL_TIME_EXERCISES].join(', ')})`);
}

/**
 * One run above the goal, taken apart (p50 of each part): waiting for the run's fresh worker, then in
 * the worker Sucrase's transforms, evaluating modules and collecting tests, running the tests, lint, and
 * runChecks' own bookkeeping; then the report's way back through the sandbox frame and its rendering.
 */
function whereTheTimeGoes(slug: string, r: RunFigures): string {
  const p = r.phases;
  const inEngine = p.transformMs + p.loadMs + p.testsMs + p.lintMs;
  const checks = Object.entries(r.checks)
    .map(([id, v]) => `${id} ${ms(v)}`)
    .join(', ');
  return (
    `${slug}: ${ms(r.total.p50)} = waiting for a worker ${ms(r.waited.p50)}` +
    ` + transform ${ms(p.transformMs)} + module load ${ms(p.loadMs)} + test execution ${ms(p.testsMs)}` +
    ` + lint ${ms(p.lintMs)} + other engine work ${ms(Math.max(0, r.engine.p50 - inEngine))}` +
    ` + report (messages and rendering) ${ms(r.rest.p50)}; by check: ${checks}`
  );
}

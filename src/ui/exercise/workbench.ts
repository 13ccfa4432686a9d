import type * as Monaco from 'monaco-editor/editor/editor.api';
import { pathsWithRole, visibleStarter, solutionFiles, type ExerciseBundle } from '../../runtime/exercise/bundle.ts';
import type { Files } from '../../runtime/checks/toolchain.ts';
import type { Engine, EngineStatus, EngineTiming } from '../../runtime/engines/engine.ts';
import type { CheckReport, LintProblem, SnapshotUpdate } from '../../runtime/report/check-report.ts';
import { applySnapshotUpdates } from '../../runtime/snapshots/snapshot-update.ts';
import { createEngine, startWorkerEngine } from '../../runtime/engines/load-engine.ts';
import type { StorageNotice } from '../../runtime/storage/saved-work.ts';
import { LastReports } from '../../runtime/storage/last-report.ts';
import { openSandbox, sandboxWorker, typeKitSource } from '../sandbox/sandbox-frame.ts';
import { autosaveFor } from './autosave.ts';
import { LintGate } from './inert-notice.ts';
import { previousRunBanner } from './previous-run.ts';
import { PROGRESS_KEY, ProgressStore } from '../../runtime/storage/progress.ts';
import { toMarkers } from './markers.ts';
import { renderReport, verdictText } from './results-view.ts';
import { openSolutionDiff } from './solution-diff.ts';
import { loadMonaco, languageOf, themesLoaded, typeDiagnostics } from './monaco.ts';
import { createWorkbenchFrame } from './workbench-frame.ts';
import { ThreadDecorations, type PlacedNote } from './thread-decorations.ts';
import type { LineNote } from '../feedback/placement.ts';
import { showsEngineStatus } from '../../runtime/engines/choose-engine.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

/** What the page (and the browser tests and benchmark) can do with a mounted workbench. */
export interface WorkbenchHandle {
  /** Replace an editable file's text, as a paste would. */
  setFile(path: string, text: string): void;
  /** The current text of a visible file. */
  getFile(path: string): string | undefined;
  /** Lint now and return the problems; the same call that feeds the editor markers. */
  lintNow(): Promise<LintProblem[]>;
  /** Run every check, render the results and return the report. */
  run(): Promise<CheckReport | undefined>;
  /** Puts the keyboard in the editor, as Start does. */
  focus(): void;
  /** The TypeScript service's errors on a visible file: none on correct code when every file it needs is loaded. */
  typeErrors(path: string): Promise<string[]>;
  /** Where the last lint's and the last run's time went (the benchmark prints it). */
  timings(): { lint?: EngineTiming; run?: EngineTiming };
  /** A mentor's threads as line decorations (thread-decorations.ts); replaces the ones shown before. */
  showLineNotes(notes: readonly LineNote[]): void;
  /** Where those decorations are now: they move with the learner's edits. */
  lineNotes(): PlacedNote[];
  /** Opens a file at a line with the keyboard in the editor, as a click on a failing check does. */
  reveal(path: string, line: number): void;
}

export interface WorkbenchOptions {
  slug: string;
  /** URL of the exercise's JSON bundle (src/pages/exercises/[slug].json.ts). */
  src: string;
  /** A bundle already in hand instead of `src`: the code part of a review-then-fix exercise, after the review. */
  bundle?: ExerciseBundle;
}

// Short: a superseded lint is dropped, not a restarted worker, so linting on a brief pause costs little.
const LINT_DELAY_MS = 75;

/**
 * Everything Start needs, fetched and evaluated ahead while the learner reads (element.ts calls this when
 * the exercise nears the viewport or the page was opened at it): Monaco's modules, the exercise bundle, and the
 * sandbox frame with the engine's source. No worker starts and no learner code is read here.
 */
export function prefetchWorkbench(src: string): void {
  void loadMonaco();
  void openSandbox().catch(() => undefined);
  // The engine too: its lint worker warms up on the exercise's own files (trusted), so the first markers
  // after Start come from a warm ESLint. Learner files reach it only once the workbench is mounted.
  fetchBundle(src).then(
    (bundle) => {
      if (!prefetched.has(bundle.slug))
        prefetched.set(bundle.slug, startWorkerEngine(bundle, sandboxWorker, typeKitSource));
    },
    () => undefined,
  );
}

/** Worker engines started by a prefetch, by exercise slug; the workbench that mounts takes its own. */
const prefetched = new Map<string, Promise<Engine>>();

/**
 * The editor, the file tabs, the run button and the results. Thin on purpose: grading, storage and engines
 * live in src/runtime; this file only wires them to Monaco and the DOM.
 */
export async function mountWorkbench(host: HTMLElement, options: WorkbenchOptions): Promise<WorkbenchHandle> {
  const [bundle, monaco] = await Promise.all([options.bundle ?? fetchBundle(options.src), loadMonaco()]);
  const status = h('p', { class: 'workbench__status meta', role: 'status' });
  const engineStatus = h('span', { 'data-engine-status': true });
  const notice = (n: StorageNotice) =>
    (status.textContent =
      n.kind === 'not-saved'
        ? t.notSaved(n.reason)
        : n.kind === 'kept-in-place'
          ? t.work.progressKeptInPlace(n.cause)
          : n.key === PROGRESS_KEY
            ? t.progressSetAside
            : t.setAside);
  const session = autosaveFor(bundle.slug, {
    status,
    onSaved: () => (editorEl.dataset['savedAt'] = String(Date.now())),
  });
  const progress = new ProgressStore(localStorage, notice);
  const reports = new LastReports(localStorage);
  const starter = visibleStarter(bundle);
  const editable = new Set(pathsWithRole(bundle.meta, 'editable'));
  const restored = session.initial?.files ?? {};

  const models = new Map<string, Monaco.editor.ITextModel>();
  for (const file of bundle.meta.files.filter((f) => f.role !== 'hidden')) {
    const text = (editable.has(file.path) ? restored[file.path] : undefined) ?? starter[file.path] ?? '';
    const uri = monaco.Uri.parse(`file:///workspace/${file.path}`);
    monaco.editor.getModel(uri)?.dispose();
    models.set(file.path, monaco.editor.createModel(text, languageOf(file.path), uri));
  }
  const firstEditable = bundle.meta.files.find((f) => f.role === 'editable')?.path ?? [...models.keys()][0] ?? '';

  // Layout: the frame (file tree, focus mode, splitter) is workbench-frame.ts's.
  const editorEl = h('div', { class: 'workbench__editor' });
  const runButton = h(
    'button',
    { type: 'button', class: 'button', 'data-run': true },
    t.runChecks,
    ' ',
    h('kbd', {}, 'Ctrl+Enter'),
  );
  const resetButton = h('button', { type: 'button', class: 'button button--secondary', 'data-reset': true }, t.reset);
  const solutionButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-solution': true },
    t.showSolution,
  );
  const results = h('section', {
    class: 'workbench__results',
    'aria-label': t.resultsHeading,
    'data-results': true,
    tabindex: '-1',
  });
  results.append(h('p', { class: 'meta' }, t.frame.resultsEmpty));
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-announcer': true });
  // The container's progress and its fallback advice matter only where the worker cannot grade everything.
  const engineLine = h('p', { class: 'workbench__engine meta', hidden: true }, engineStatus);
  const frame = createWorkbenchFrame({
    title: bundle.meta.title,
    files: [...models.keys()].map((path) => ({ path, editable: editable.has(path) })),
    actions: [runButton, resetButton, solutionButton],
    editor: editorEl,
    side: [engineLine, status, results],
    announce: (text) => (announcer.textContent = text),
    open: (path) => select(path),
    wrap: (on) => editor.updateOptions({ wordWrap: on ? 'on' : 'off' }),
    focusEditor: () => editor.focus(),
  });
  host.append(frame.element);
  frame.element.append(announcer); // inside the frame: focus mode makes everything outside it inert

  const editor = monaco.editor.create(editorEl, {
    model: models.get(firstEditable) ?? null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
    // Starter lines run past 100 characters; wrapped, they read without scrolling sideways (Alt+Z toggles).
    wordWrap: 'on',
    wrappingIndent: 'indent',
    ariaLabel: `${bundle.meta.title}: ${firstEditable}`,
    accessibilitySupport: 'auto',
  });

  function select(path: string): void {
    const model = models.get(path);
    if (!model) return;
    editor.setModel(model);
    editor.updateOptions({ readOnly: !editable.has(path), ariaLabel: `${bundle.meta.title}: ${path}` });
    editorEl.dataset['openFile'] = path;
    frame.select(path);
  }
  select(firstEditable);
  // The editor is up in Monaco's own colours; the site's arrive a moment later (monaco.ts). Marked for tests.
  void themesLoaded().then(() => (editorEl.dataset['themed'] = ''));

  const learnerFiles = (): Files =>
    Object.fromEntries([...editable].flatMap((p) => (models.has(p) ? [[p, models.get(p)?.getValue() ?? '']] : [])));
  // Code from a backup or a sync is inert: linting runs its config, so nothing lints it until the learner acts.
  const gate = new LintGate(
    session,
    (notice) => results.before(notice),
    () => void lintNow(),
  );
  session.addSource({
    collect: learnerFiles,
    apply: (files, origin) => {
      if (origin) gate.hold(origin);
      for (const path of editable) models.get(path)?.setValue(files[path] ?? starter[path] ?? '');
    },
  });

  // The engine loads in the background: typing, saving and tabs work before it is ready.
  // A bundle handed in (the fix part of a review exercise) is not the one the prefetch loaded.
  let engine: Promise<Engine> = startEngine(options.bundle ? undefined : await takePrefetched(bundle.slug));
  const timings: { lint?: EngineTiming; run?: EngineTiming } = {};
  function startEngine(worker?: Engine): Promise<Engine> {
    const shown = showsEngineStatus(bundle.meta.engine);
    return createEngine(bundle, {
      createWorker: sandboxWorker,
      typeKitSource,
      ...(worker ? { worker } : {}),
      onStatus: (s) => {
        // Kept as data for the tests either way: the boot still runs for `auto`, just without a word.
        engineStatus.dataset['phase'] = s.phase;
        if (!shown) return;
        engineStatus.textContent = engineStatusText(s);
        engineLine.hidden = false;
      },
    });
  }
  // Lint on a pause in typing: markers appear while the learner is still looking at the line.
  let lintTimer: ReturnType<typeof setTimeout> | undefined;
  let lintAbort: AbortController | undefined;
  async function lintNow(): Promise<LintProblem[]> {
    // Counted where tests can see it: imported code must not reach the linter before the learner acts.
    editorEl.dataset['lintRequests'] = String(Number(editorEl.dataset['lintRequests'] ?? 0) + 1);
    lintAbort?.abort();
    const abort = (lintAbort = new AbortController());
    try {
      const ready = await engine;
      if (!ready.lint) return [];
      const problems = await ready.lint(
        { exercise: bundle.slug, files: learnerFiles() },
        { signal: abort.signal, onTiming: (timing) => (timings.lint = timing) },
      );
      if (abort.signal.aborted) return problems;
      for (const [path, model] of models)
        monaco.editor.setModelMarkers(model, 'eslint', toMarkers(problems, path, monaco.MarkerSeverity));
      editorEl.dataset['lintedAt'] = String(Date.now());
      editorEl.dataset['lintProblems'] = String(problems.length);
      delete editorEl.dataset['lintError'];
      return problems;
    } catch (error) {
      // A lint cut short by the next keystroke is normal; anything else (a learner's config that throws)
      // is shown, since silence would look like clean code.
      if (!(error instanceof Error && error.name === 'AbortError')) {
        editorEl.dataset['lintError'] = error instanceof Error ? error.message : String(error);
        status.textContent = t.lintFailed(editorEl.dataset['lintError']);
      }
      return [];
    }
  }
  for (const [path, model] of models) {
    if (!editable.has(path)) continue;
    model.onDidChangeContent(() => {
      session.changed();
      if (!gate.live) return;
      clearTimeout(lintTimer);
      lintTimer = setTimeout(() => void lintNow(), LINT_DELAY_MS);
    });
  }
  if (gate.live) void lintNow();
  const last = reports.load(bundle.slug);
  if (last) {
    results.replaceChildren(previousRunBanner(last), renderReport(last.report, { jumpTo }));
    results.dataset['previousVerdict'] = last.report.verdict;
  }

  let runAbort: AbortController | undefined;
  async function run(): Promise<CheckReport | undefined> {
    runAbort?.abort();
    const abort = (runAbort = new AbortController());
    gate.release();
    runButton.setAttribute('aria-busy', 'true');
    status.textContent = t.running;
    try {
      const report = await (
        await engine
      ).check(
        { exercise: bundle.slug, files: learnerFiles() },
        { signal: abort.signal, onTiming: (timing) => (timings.run = timing) },
      );
      if (abort.signal.aborted) return undefined;
      results.replaceChildren(
        renderReport(report, {
          jumpTo,
          canOpen: (file) => models.has(file),
          canUpdate: (file) => editable.has(file) && models.has(file),
          updateSnapshots,
        }),
      );
      results.dataset['verdict'] = report.verdict;
      results.dataset['runs'] = String(Number(results.dataset['runs'] ?? 0) + 1);
      status.textContent = '';
      announcer.textContent = t.announceDone(verdictText(report));
      progress.recordRun(bundle.slug, report);
      reports.save(report);
      host.dispatchEvent(new CustomEvent('craftpath:report', { bubbles: true, detail: report }));
      return report;
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      status.textContent = `${t.verdictError}: ${error instanceof Error ? error.message : String(error)}`;
      // The engine may be unusable after a crash: start a fresh one for the next run.
      void engine.then((e) => e.dispose());
      engine = startEngine();
      return undefined;
    } finally {
      if (runAbort === abort) runButton.removeAttribute('aria-busy');
    }
  }

  /** Writes snapshots into the editor's models as one undoable edit per file, saved like typing. */
  function updateSnapshots(updates: readonly SnapshotUpdate[]): void {
    for (const file of new Set(updates.map((u) => u.file))) {
      const model = models.get(file);
      if (!model || !editable.has(file)) continue;
      replaceUndoably(
        model,
        applySnapshotUpdates(
          model.getValue(),
          updates.filter((u) => u.file === file),
        ),
      );
    }
    const first = updates[0];
    if (first) jumpTo(first.file, first.kind === 'inline' ? first.line : 1);
  }

  function jumpTo(file: string, line: number, column = 1): void {
    if (!models.has(file)) return;
    select(file);
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column });
    editor.focus();
  }

  runButton.addEventListener('click', () => void run());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void run());
  host.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void run();
    }
  });

  resetButton.addEventListener('click', () => {
    // Edits go through the undo stack, so Ctrl+Z (or the Undo button) brings the learner's code back.
    const changed: Monaco.editor.ITextModel[] = [];
    for (const path of editable) {
      const model = models.get(path);
      const text = starter[path];
      if (!model || text === undefined || model.getValue() === text) continue;
      replaceUndoably(model, text);
      changed.push(model);
    }
    const undo = h('button', { type: 'button', class: 'link-button', 'data-undo-reset': true }, t.undoReset);
    undo.addEventListener('click', () => {
      for (const model of changed) model.undo();
      status.textContent = '';
    });
    status.replaceChildren(t.resetDone, ' ', undo);
  });

  const threads = new ThreadDecorations(monaco, models, editor);

  const reference = solutionFiles(bundle);
  solutionButton.addEventListener('click', () => {
    // Kept so the progress page can say whether the pass came after looking at the answer.
    progress.recordSolutionViewed(bundle.slug);
    openSolutionDiff(monaco, { mine: learnerFiles(), reference, paths: [...editable], opener: solutionButton });
  });

  return {
    setFile(path, text) {
      if (editable.has(path)) models.get(path)?.setValue(text);
    },
    getFile: (path) => models.get(path)?.getValue(),
    lintNow,
    run,
    focus: () => editor.focus(),
    typeErrors: async (path) => {
      const model = models.get(path);
      return model ? typeDiagnostics(model) : [`${path} is not open in the workbench`];
    },
    timings: () => ({ ...timings }),
    showLineNotes: (notes) => threads.show(notes),
    lineNotes: () => threads.placed(),
    reveal: (path, line) => jumpTo(path, line),
  };
}

function engineStatusText(status: EngineStatus): string {
  switch (status.phase) {
    case 'booting':
      return t.engineBooting;
    case 'installing':
      return t.engineInstalling(status.progress);
    case 'running':
      return t.running;
    case 'ready':
      return t.engineReady;
    case 'unavailable':
      return status.reason;
  }
}

/** The prefetched worker engine for this exercise, once: a second workbench of it starts its own. */
async function takePrefetched(slug: string): Promise<Engine | undefined> {
  const pending = prefetched.get(slug);
  if (!pending) return undefined;
  prefetched.delete(slug);
  return pending.catch(() => undefined);
}

const bundles = new Map<string, Promise<ExerciseBundle>>();

/** One fetch per bundle and page, shared by the prefetch and the mount; a failed one is tried again. */
function fetchBundle(src: string): Promise<ExerciseBundle> {
  let pending = bundles.get(src);
  if (!pending) {
    pending = (async () => {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`${src} answered ${res.status}`);
      return (await res.json()) as ExerciseBundle;
    })();
    pending.catch(() => bundles.delete(src));
    bundles.set(src, pending);
  }
  return pending;
}

/** Replaces a model's text as one step of its undo stack, so Ctrl+Z brings the previous text back. */
function replaceUndoably(model: Monaco.editor.ITextModel, text: string): void {
  model.pushStackElement();
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
}

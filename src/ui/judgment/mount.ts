import type { ExerciseBundle } from '../../runtime/exercise/bundle.ts';
import { pathsWithRole } from '../../runtime/exercise/bundle.ts';
import { withAnswerKey, type AnswerKeyFile } from '../../runtime/exercise/answer-keys.ts';
import { runChecks } from '../../runtime/grading/run-checks.ts';
import { noToolchain } from '../../runtime/checks/no-toolchain.ts';
import { JUDGMENT_KINDS } from '../../runtime/checks/judgment-kinds.ts';
import type { CheckReport } from '../../runtime/report/check-report.ts';
import { autosaveFor } from '../exercise/autosave.ts';
import { previousRunBanner } from '../exercise/previous-run.ts';
import { LastReports } from '../../runtime/storage/last-report.ts';
import { ProgressStore } from '../../runtime/storage/progress.ts';
import { renderReport, verdictText } from '../exercise/results-view.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { calibrationPanel } from './calibration-panel.ts';
import { renderCalibration } from './calibration-view.ts';
import { critiquePanel } from './critique-panel.ts';
import { decisionPanel } from './decision-panel.ts';
import { renderFiles } from './files-view.ts';
import { impactPanel } from './impact-panel.ts';
import type { AnswerPanel } from './panel.ts';
import { reviewPanel } from './review-panel.ts';
import { renderScores } from './scores-view.ts';
import { createFocusMode } from '../focus-mode.ts';
import type { WorkbenchHandle } from '../exercise/workbench.ts';
import '../../styles/judgment.css';

/** What the page and the browser tests can do with a mounted judgment exercise. */
export interface JudgmentHandle {
  /** The answers as the files they are graded from, e.g. { "review.json": "…" }. */
  answers(): Record<string, string>;
  /**
   * Fetch the key, grade and show the scores; the report, or undefined when the key failed to load. Only
   * what the learner found is explained until a final submission (`final: true`), which reveals the key.
   */
  submit(options?: { final?: boolean }): Promise<CheckReport | undefined>;
  /** Puts the keyboard on the brief (or the first form), as Start does. */
  focus(): void;
  /** The "then fix it" workbench of a review-then-fix exercise, once it is open (after Submit). */
  fix(): Promise<WorkbenchHandle> | undefined;
}

export interface JudgmentOptions {
  slug: string;
  /** The page bundle (answer keys stripped): src/pages/exercises/[slug].json.ts. */
  src: string;
  /** The key file fetched on submit: src/pages/exercises/[slug].key.json.ts. */
  keySrc: string;
}

/**
 * A judgment exercise: read-only material, one answer form per judgment check, Submit. Grading is the same
 * runChecks every engine calls, here with no toolchain because these kinds are pure; it runs in the page
 * once the key has been fetched, which happens only on submit.
 */
export async function mountJudgment(host: HTMLElement, options: JudgmentOptions): Promise<JudgmentHandle> {
  const bundle = await fetchJson<ExerciseBundle>(options.src);
  const saveStatus = h('p', { class: 'meta', role: 'status' });
  const session = autosaveFor(bundle.slug, {
    status: saveStatus,
    onSaved: () => (host.dataset['savedAt'] = String(Date.now())),
  });
  const restored = session.initial?.files ?? {};
  const judged = bundle.meta.checks.filter((c) => JUDGMENT_KINDS.has(c.kind));

  const panels: AnswerPanel[] = [];
  const answers = (): Record<string, string> => Object.fromEntries(panels.map((p) => [p.file, p.value()]));
  // The shared autosave saves on a pause and flushes on the way out (reload, close, navigation).
  const onChange = (): void => session.changed();
  const initial = (path: string): string | undefined => restored[path] ?? bundle.starter[path];
  for (const spec of judged) {
    if (spec.kind === 'review') panels.push(await reviewPanel(spec, bundle.starter, initial(spec.file), onChange));
    if (spec.kind === 'decision') panels.push(decisionPanel(spec, initial(spec.file), onChange));
    if (spec.kind === 'impact') panels.push(impactPanel(spec, initial(spec.file), onChange));
    if (spec.kind === 'calibration') panels.push(calibrationPanel(spec, initial(spec.file), onChange));
    if (spec.kind === 'critique') panels.push(critiquePanel(spec, initial(spec.file), onChange));
  }

  // The forms have no way to take new answers in place: showing the other tab's version is a reload.
  session.addSource({ collect: answers, apply: () => location.reload() });

  // Read-only material: everything the learner may see except the diffed files, which the diff editor shows.
  const diffed = new Set(
    judged.flatMap((c) => (c.kind === 'review' ? c.diff.flatMap((d) => [d.before, d.after]) : [])),
  );
  // Code first (the capstone: fix, then review a follow-up) when the exercise lists a code check before its
  // forms: the workbench opens at once above the forms, and the forms' brief is only the PR's description.
  const codeFirst = bundle.meta.checks[0] !== undefined && !JUDGMENT_KINDS.has(bundle.meta.checks[0].kind);
  const descriptions = judged.flatMap((c) => (c.kind === 'review' && c.description ? [c.description] : []));
  const material = codeFirst ? descriptions : pathsWithRole(bundle.meta, 'readonly').filter((p) => !diffed.has(p));

  const submitButton = h('button', { type: 'button', class: 'button', 'data-submit': true }, t.judgment.submit);
  // The whole key, missed defects included, is shown only once the learner says this is their last answer.
  const finalKey = `craftpath:judgment-final:${bundle.slug}`;
  let revealed = localStorage.getItem(finalKey) === '1';
  const finalButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-submit-final': true },
    t.judgment.submitFinal,
  );
  const results = h('section', {
    class: 'workbench__results',
    'aria-label': t.resultsHeading,
    'data-results': true,
    tabindex: '-1',
  });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-announcer': true });
  const brief = material.length > 0 ? renderFiles(bundle.starter, material) : null;
  const island = h('div', { class: 'judgment', 'data-ready': true, 'data-judgment': true });
  // Focus mode: the whole window, and on a wide one the brief stays beside the forms (judgment.css).
  const focusMode = createFocusMode(island, (text) => (announcer.textContent = text));
  island.append(
    h(
      'div',
      { class: 'workbench__toolbar judgment__bar' },
      h('span', { class: 'workbench__title' }, bundle.meta.title),
      focusMode.button,
    ),
    ...(brief ? [brief] : []),
    ...panels.map((p) => p.element),
    // Once the key is open there is nothing left to reveal (a `hidden` attribute would lose to .button's display).
    h('div', { class: 'workbench__toolbar' }, submitButton, ...(revealed ? [] : [finalButton])),
    h('p', { class: 'meta' }, t.judgment.finalHelp),
    h('p', { class: 'meta' }, t.judgment.keyboardHelp, ' ', t.judgment.saved),
    saveStatus,
    results,
    announcer,
  );
  host.append(island);

  let key: AnswerKeyFile | undefined;
  async function submit(how: { final?: boolean } = {}): Promise<CheckReport | undefined> {
    submitButton.setAttribute('aria-busy', 'true');
    saveStatus.textContent = t.judgment.submitting;
    try {
      key ??= await fetchJson<AnswerKeyFile>(options.keySrc);
      const graded = withAnswerKey({ ...bundle, meta: { ...bundle.meta, checks: judged } }, key);
      const files = answers();
      // Saved now, unless the other-tab choice is open: then the learner's pick decides what is kept.
      if (!session.conflict) {
        session.changed();
        session.flush();
      }
      const reveal = revealed || how.final === true ? 'all' : 'found';
      const report = await runChecks(graded, files, noToolchain, { reveal });
      if (reveal === 'all' && !revealed) {
        revealed = true;
        localStorage.setItem(finalKey, '1');
        finalButton.remove();
      }
      results.dataset['revealed'] = String(revealed);
      results.replaceChildren(
        renderScores(report),
        renderCalibration(report) ?? '',
        renderReport(report, { jumpTo: () => undefined }),
      );
      results.dataset['verdict'] = report.verdict;
      results.dataset['runs'] = String(Number(results.dataset['runs'] ?? 0) + 1);
      reports.save(report, 'judgment');
      // Attempts, dates, checks still failing and the review queue's mistakes, as for code exercises.
      new ProgressStore(localStorage).recordRun(bundle.slug, report);
      saveStatus.textContent = '';
      submitButton.textContent = t.judgment.resubmit;
      // Focus moves to the results so keyboard and screen-reader users land on what changed.
      results.focus();
      void openCodeWorkbench(key);
      announcer.textContent = t.judgment.announce(
        `${verdictText(report)}. ${report.checks.map((c) => c.summary).join('. ')}`,
      );
      host.dispatchEvent(new CustomEvent('craftpath:report', { bubbles: true, detail: report }));
      return report;
    } catch (error) {
      saveStatus.textContent = t.judgment.keyFailed(error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      submitButton.removeAttribute('aria-busy');
    }
  }
  submitButton.addEventListener('click', () => void submit());
  finalButton.addEventListener('click', () => void submit({ final: true }));
  // What the learner saw after their last submit, marked as from a previous run.
  const reports = new LastReports(localStorage);
  const last = reports.load(bundle.slug, 'judgment');
  if (last) {
    results.replaceChildren(
      previousRunBanner(last),
      renderScores(last.report),
      renderCalibration(last.report) ?? '',
      renderReport(last.report, { jumpTo: () => undefined }),
    );
    results.dataset['previousVerdict'] = last.report.verdict;
  }

  // Review then fix: the exercise's code checks get the usual workbench once the review is submitted
  // (or at once, when code was saved in an earlier visit), without the forms' files and checks.
  const codeChecks = bundle.meta.checks.filter((c) => !JUDGMENT_KINDS.has(c.kind));
  // The fix sees every file but the forms' own: the answers, the diff's before/after copies and the PR's
  // description. The readonly code the brief shows (src/quota-client.ts…) is what the fix imports, so it is
  // in the workbench too, where the editor's TypeScript service needs it to resolve the imports.
  const formFiles = new Set([...panels.map((p) => p.file), ...diffed, ...descriptions]);
  const codeHeading = codeFirst ? t.judgment.codeHeading : t.judgment.fixHeading;
  const codeHost = h('section', { class: 'judgment__fix', 'aria-label': codeHeading, hidden: true });
  if (codeFirst) island.querySelector('.judgment__bar')?.after(codeHost);
  else island.append(codeHost);
  let workbench: Promise<WorkbenchHandle> | undefined;
  function openCodeWorkbench(withKey: AnswerKeyFile | undefined): Promise<WorkbenchHandle> | undefined {
    if (codeChecks.length === 0) return undefined;
    workbench ??= (async () => {
      const { mountWorkbench } = await import('../exercise/workbench.ts');
      const files = bundle.meta.files.filter((f) => !formFiles.has(f.path));
      const codeBundle = {
        ...bundle,
        meta: { ...bundle.meta, files, checks: codeChecks },
        solution: withKey?.solution ?? bundle.solution,
      };
      codeHost.hidden = false;
      codeHost.append(h('h4', {}, codeHeading), h('p', {}, codeFirst ? t.judgment.codeIntro : t.judgment.fixIntro));
      return mountWorkbench(codeHost, { slug: bundle.slug, src: options.src, bundle: codeBundle });
    })();
    return workbench;
  }
  if (codeFirst || bundle.meta.files.some((f) => f.path in restored && !formFiles.has(f.path)))
    void openCodeWorkbench(undefined);

  return {
    answers,
    submit,
    fix: () => workbench,
    focus: () => (brief ?? island.querySelector<HTMLElement>('input, select, textarea, button'))?.focus(),
  };
}

async function fetchJson<T>(src: string): Promise<T> {
  const res = await fetch(src);
  if (!res.ok) throw new Error(`${src} answered ${res.status}`);
  return (await res.json()) as T;
}

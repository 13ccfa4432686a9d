import { t } from '../../i18n/index.ts';
import type { WorkbenchHandle } from './workbench.ts';
import type { JudgmentHandle } from '../judgment/mount.ts';
import { LastReports } from '../../runtime/storage/last-report.ts';
import { hintButtonState } from './hint-gate.ts';

/**
 * <craftpath-exercise>: the light part that ships with every lesson that has an exercise. It reveals hints
 * and starts the workbench (Monaco and the engine, ~2.5 MB) only when the learner reaches the exercise
 * or presses Start, so the page itself loads light; the heavy part is fetched ahead as the exercise nears
 * the viewport (#prefetchAhead), so Start only has to build the editor.
 */
class ExerciseElement extends HTMLElement {
  /** Set once the workbench is mounted; resolves for callers that start it programmatically. */
  workbench: Promise<WorkbenchHandle | JudgmentHandle> | undefined;
  /** The learner pressed Start: once mounted, the keyboard goes into the exercise (not on a scroll-start). */
  #focusWhenReady = false;

  connectedCallback(): void {
    const section = this.closest('section');
    // While a scroll-start loads, the button is aria-disabled rather than disabled, so a press still counts.
    this.querySelector<HTMLButtonElement>('[data-start]')?.addEventListener('click', () => {
      this.#focusWhenReady = true;
      this.#startFromUi();
    });
    if (section) wireHints(section, this.dataset['slug'] ?? '');
    // Start a little before it scrolls into view so the editor is ready when the learner gets there.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          this.#startFromUi();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
    this.#prefetchAhead();
  }

  /**
   * Fetches and evaluates what Start needs (Monaco and the engine, megabytes) before the learner presses it: when the exercise comes
   * within two screens, or at once when the page was opened at this exercise (a review card's link). Never
   * merely because the browser is idle: a learner reading the top of a lesson does not pay for an editor
   * they may not reach.
   */
  #prefetchAhead(): void {
    let done = false;
    const prefetch = (): void => {
      if (done || this.workbench) return;
      done = true;
      near.disconnect();
      const src = this.dataset['src'] ?? '';
      const load =
        this.dataset['keySrc'] === undefined
          ? import('./workbench.ts').then((m) => m.prefetchWorkbench(src))
          : import('../judgment/mount.ts');
      load.catch(() => undefined); // Start reports a failed load itself.
    };
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && prefetch(), {
      rootMargin: '200% 0px',
    });
    near.observe(this);
    if (openedAt(this.dataset['slug'] ?? '')) prefetch();
  }

  /** The failure is already shown in the status line next to the button; nothing more to do here. */
  #startFromUi(): void {
    this.start().catch(() => undefined);
  }

  start(): Promise<WorkbenchHandle | JudgmentHandle> {
    this.workbench ??= this.#mount();
    return this.workbench;
  }

  async #mount(): Promise<WorkbenchHandle | JudgmentHandle> {
    const status = this.querySelector<HTMLElement>('[data-load-status]');
    const button = this.querySelector<HTMLButtonElement>('[data-start]');
    if (status) status.textContent = t.loadingEditor;
    button?.setAttribute('aria-disabled', 'true');
    try {
      const mount = this.querySelector<HTMLElement>('[data-workbench]') ?? this;
      const slug = this.dataset['slug'] ?? '';
      const src = this.dataset['src'] ?? '';
      // Judgment exercises (review, decision, impact) get their forms; code exercises keep the workbench.
      const keySrc = this.dataset['keySrc'];
      const handle =
        keySrc === undefined
          ? await (await import('./workbench.ts')).mountWorkbench(mount, { slug, src })
          : await (await import('../judgment/mount.ts')).mountJudgment(mount, { slug, src, keySrc });
      // The Start button is about to go: keyboard focus on it would fall back to the page's top.
      const start = this.querySelector('.exercise__start');
      // Never take focus from where the learner has already put it (the editor, another control) meanwhile.
      const active = document.activeElement;
      const untouched = !active || active === document.body;
      if (start?.contains(active) || (this.#focusWhenReady && untouched)) handle.focus();
      start?.remove();
      revealCheck(this, slug);
      // The assignment panel draws a mentor's threads on the editor once there is one (feedback/).
      this.dispatchEvent(new CustomEvent('craftpath:workbench', { bubbles: true }));
      return handle;
    } catch (error) {
      this.workbench = undefined;
      button?.removeAttribute('aria-disabled');
      if (status) status.textContent = t.loadFailed(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

/** Whether the page was opened at this exercise: `#exercise-<slug>` or `?exercise=<slug>` (review cards). */
function openedAt(slug: string): boolean {
  return location.hash === `#exercise-${slug}` || new URLSearchParams(location.search).get('exercise') === slug;
}

function wireHints(section: Element, slug: string): void {
  const items = [...section.querySelectorAll<HTMLLIElement>('[data-hints] li')];
  const button = section.querySelector<HTMLButtonElement>('[data-next-hint]');
  if (!button) return;
  const gate = {
    lastAfterSubmit: section.querySelector('[data-hints]')?.hasAttribute('data-last-after-submit') === true,
    // A submission from an earlier visit counts: its report is what the judgment island shows on load.
    submitted: new LastReports(localStorage).load(slug, 'judgment') !== undefined,
  };
  const update = (): void => {
    const state = hintButtonState(items.filter((li) => !li.hidden).length, items.length, gate);
    button.disabled = !state.enabled;
    button.textContent = state.text;
  };
  section.addEventListener('craftpath:report', () => {
    gate.submitted = true;
    update();
  });
  button.addEventListener('click', () => {
    const shown = items.filter((li) => !li.hidden).length;
    if (!hintButtonState(shown, items.length, gate).enabled) return;
    const next = items.find((li) => li.hidden);
    if (!next) return;
    next.hidden = false;
    next.tabIndex = -1;
    next.focus();
    recordHint(section, items.filter((li) => !li.hidden).length);
    update();
  });
  update();
}

/**
 * A review card links here with ?exercise=<slug>&check=<id>: once the exercise is mounted, the results of
 * the last run are shown, and the learner lands on that check's entry in them.
 */
function revealCheck(host: HTMLElement, slug: string): void {
  const params = new URLSearchParams(location.search);
  const check = params.get('check');
  if (params.get('exercise') !== slug || !check) return;
  const entry = host.querySelector<HTMLDetailsElement>(`[data-check="${CSS.escape(check)}"]`);
  if (!entry) return;
  entry.open = true;
  entry.dataset['reviewTarget'] = '';
  entry.scrollIntoView({ block: 'center' });
  entry.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
}

/** Loaded on the first hint only: the lesson page does not carry the storage code until then. */
function recordHint(section: Element, shown: number): void {
  const slug = section.querySelector<HTMLElement>('craftpath-exercise')?.dataset['slug'];
  if (!slug) return;
  void import('../../runtime/storage/progress.ts')
    .then(({ ProgressStore }) => new ProgressStore(localStorage).recordHint(slug, shown))
    .catch(() => undefined);
}

if (!customElements.get('craftpath-exercise')) customElements.define('craftpath-exercise', ExerciseElement);

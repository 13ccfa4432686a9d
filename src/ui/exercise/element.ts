import { t } from '../../i18n/index.ts';
import type { WorkbenchHandle } from './workbench.ts';
import type { JudgmentHandle } from '../judgment/mount.ts';

/**
 * <craftpath-exercise>: the light part that ships with every lesson that has an exercise. It reveals hints
 * and starts the workbench (Monaco and the engine, ~2.5 MB) only when the learner reaches the exercise
 * or presses Start, so the page itself loads light; the heavy part is fetched ahead once the page is
 * idle (#prefetchAhead), so Start only has to build the editor.
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
    if (section) wireHints(section);
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
   * Fetches and evaluates what Start needs before the learner presses it: when the browser is first idle
   * after the page loaded, or when the exercise comes within a few screens, whichever is first. Skipped on
   * idle (not on approach) when the browser asks to save data.
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
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (saveData) return;
    const whenIdle = (): void => {
      if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 2_000 });
      else setTimeout(prefetch, 200);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
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
      return handle;
    } catch (error) {
      this.workbench = undefined;
      button?.removeAttribute('aria-disabled');
      if (status) status.textContent = t.loadFailed(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

function wireHints(section: Element): void {
  const items = [...section.querySelectorAll<HTMLLIElement>('[data-hints] li')];
  const button = section.querySelector<HTMLButtonElement>('[data-next-hint]');
  if (!button) return;
  button.addEventListener('click', () => {
    const next = items.find((li) => li.hidden);
    if (!next) return;
    next.hidden = false;
    next.tabIndex = -1;
    next.focus();
    const shown = items.filter((li) => !li.hidden).length;
    if (shown === items.length) {
      button.disabled = true;
      button.textContent = t.noMoreHints;
    } else {
      button.textContent = t.showHint(shown + 1, items.length);
    }
  });
}

if (!customElements.get('craftpath-exercise')) customElements.define('craftpath-exercise', ExerciseElement);

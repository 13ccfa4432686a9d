import { t } from '../../i18n/index.ts';

/**
 * <craftpath-exercise>: the light part that ships with every lesson that has an exercise. It reveals hints
 * and starts the workbench (Monaco and the engine, ~2.5 MB) only when the learner reaches the exercise
 * or presses Start, so reading a lesson stays cheap.
 */
class ExerciseElement extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const section = this.closest('section');
    this.querySelector<HTMLButtonElement>('[data-start]')?.addEventListener('click', () => void this.start());
    if (section) wireHints(section);
    // Start a little before it scrolls into view so the editor is ready when the learner gets there.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void this.start();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const status = this.querySelector<HTMLElement>('[data-load-status]');
    const button = this.querySelector<HTMLButtonElement>('[data-start]');
    if (status) status.textContent = t.loadingEditor;
    if (button) button.disabled = true;
    try {
      const { mountWorkbench } = await import('./workbench.ts');
      const mount = this.querySelector<HTMLElement>('[data-workbench]') ?? this;
      await mountWorkbench(mount, { slug: this.dataset['slug'] ?? '', src: this.dataset['src'] ?? '' });
      this.querySelector('.exercise__start')?.remove();
    } catch (error) {
      this.#started = false;
      if (button) button.disabled = false;
      if (status) status.textContent = t.loadFailed(error instanceof Error ? error.message : String(error));
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

import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

export interface FocusMode {
  /** The toggle button (aria-pressed), for the owner's toolbar. */
  button: HTMLButtonElement;
  set(on: boolean): void;
  readonly on: boolean;
}

/**
 * Focus mode: the exercise (`target`) takes the whole viewport, and the rest of the page is made inert so
 * Tab cannot wander behind it. Escape leaves, Alt+Shift+Enter toggles; each change is announced. Shared by
 * the code workbench and the judgment island so both behave alike.
 */
export function createFocusMode(
  target: HTMLElement,
  announce: (text: string) => void,
  onChange: (on: boolean) => void = () => undefined,
): FocusMode {
  const button = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'aria-pressed': 'false', 'data-focus-toggle': true },
    t.frame.focusMode,
  );
  let on = false;
  let madeInert: Element[] = [];

  function set(next: boolean): void {
    if (next === on) return;
    on = next;
    button.setAttribute('aria-pressed', String(on));
    target.toggleAttribute('data-focus-mode', on);
    document.documentElement.classList.toggle('has-focus-mode', on);
    if (on) {
      madeInert = siblingsUpTo(target).filter((el) => !el.hasAttribute('inert'));
      for (const el of madeInert) el.setAttribute('inert', '');
    } else {
      for (const el of madeInert) el.removeAttribute('inert');
      madeInert = [];
      target.scrollIntoView({ block: 'nearest' });
    }
    onChange(on);
    announce(on ? t.frame.focusOn : t.frame.focusOff);
  }

  button.addEventListener('click', () => set(!on));
  target.addEventListener('keydown', (event) => {
    // A key something inside already used (the editor closing its suggestions, a nested focus mode) is not ours.
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && on) {
      event.preventDefault();
      set(false);
    } else if (event.key === 'Enter' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      set(!on);
    }
  });
  return {
    button,
    set,
    get on() {
      return on;
    },
  };
}

/** Everything on the page beside `el` and beside each of its ancestors: what focus mode makes inert. */
function siblingsUpTo(el: Element): Element[] {
  const out: Element[] = [];
  for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling !== node && !(sibling instanceof HTMLScriptElement)) out.push(sibling);
    }
  }
  return out;
}

import { h } from '../dom.ts';

export interface SplitRange {
  min: number;
  max: number;
  /** One arrow key press; Page Up/Down move four. */
  step: number;
  value: number;
  /** Read aloud instead of the bare number, e.g. "Editor 60% of the width". */
  text(value: number): string;
  /** The value under the pointer, from its position. */
  fromPointer(event: PointerEvent): number;
}

export interface Splitter {
  element: HTMLElement;
  /** Which way it resizes and within what range; called again when the layout changes. */
  configure(orientation: 'horizontal' | 'vertical', range: SplitRange): void;
}

/**
 * A window splitter (WAI-ARIA separator pattern): focusable, arrow keys and Home/End resize, and dragging
 * with a pointer does the same. The owner applies the value (a CSS variable), so this file knows no layout.
 */
export function createSplitter(label: string, apply: (value: number) => void): Splitter {
  const el = h('div', { role: 'separator', tabindex: '0', class: 'splitter', 'aria-label': label });
  let range: SplitRange | undefined;
  const set = (value: number): void => {
    if (!range) return;
    const v = Math.round(Math.min(range.max, Math.max(range.min, value)));
    range.value = v;
    el.setAttribute('aria-valuenow', String(v));
    el.setAttribute('aria-valuetext', range.text(v));
    apply(v);
  };

  el.addEventListener('keydown', (event) => {
    if (!range) return;
    // The same keys in both orientations: Up and Left shrink the editor, Down and Right grow it.
    const steps: Record<string, number> = {
      ArrowUp: -1,
      ArrowLeft: -1,
      ArrowDown: 1,
      ArrowRight: 1,
      PageUp: -4,
      PageDown: 4,
    };
    if (event.key === 'Home') set(range.min);
    else if (event.key === 'End') set(range.max);
    else if (event.key in steps) set(range.value + (steps[event.key] ?? 0) * range.step);
    else return;
    event.preventDefault();
  });
  el.addEventListener('pointerdown', (event) => {
    if (!range || event.button !== 0) return;
    event.preventDefault();
    el.setPointerCapture(event.pointerId);
    el.focus();
    // Where on the bar it was grabbed, so the bar moves with the pointer instead of jumping to it.
    const grab = range.fromPointer(event) - range.value;
    const onMove = (e: PointerEvent): void => {
      if (range) set(range.fromPointer(e) - grab);
    };
    const onUp = (): void => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  });

  return {
    element: el,
    configure(orientation, next) {
      range = next;
      // A separator's orientation is its own line's: a bar between stacked panes is horizontal.
      el.setAttribute('aria-orientation', orientation);
      el.setAttribute('aria-valuemin', String(next.min));
      el.setAttribute('aria-valuemax', String(next.max));
      set(next.value);
    },
  };
}

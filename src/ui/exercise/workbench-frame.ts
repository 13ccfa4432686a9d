import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { createFocusMode, type FocusMode } from '../focus-mode.ts';
import { uid } from '../judgment/panel.ts';
import { renderFileTree, type TreeFile } from './file-tree.ts';
import { createSplitter } from './splitter.ts';

export interface FrameParts {
  /** The exercise's title, shown in focus mode where the lesson's heading is out of view. */
  title: string;
  files: readonly TreeFile[];
  /** Run, Reset, Compare: the exercise's own actions. */
  actions: readonly HTMLElement[];
  /** Monaco's host element. */
  editor: HTMLElement;
  /** What sits beside or below the editor: status lines and the results. */
  side: readonly HTMLElement[];
  announce(text: string): void;
  /** The learner picked a file in the tree. */
  open(path: string): void;
  /** Word wrap was switched; the editor applies it. */
  wrap(on: boolean): void;
  /** Put the keyboard in the editor. */
  focusEditor(): void;
}

export interface WorkbenchFrame {
  element: HTMLElement;
  /** Shows `path` as the open file in the tree and on the drawer's button. */
  select(path: string): void;
  focusMode: FocusMode;
}

/**
 * Below this width the tree is a drawer over the editor, so the editor keeps the full width: a phone, and
 * the lesson's reading column (44rem); focus mode on a laptop or wider shows it as a column.
 */
const NARROW_PX = 720;
/** From this width, in focus mode, the results sit beside the editor instead of below it. */
const BESIDE_PX = 960;

/**
 * The workbench's frame: a toolbar, the file tree beside the editor (a drawer when narrow), the results
 * below the editor or, in focus mode on a wide screen, beside it, with a splitter between them. Layout only:
 * the editor, engine and results are workbench.ts's.
 */
export function createWorkbenchFrame(parts: FrameParts): WorkbenchFrame {
  const root = h('div', { class: 'workbench', 'data-ready': true, 'data-layout': 'below' });
  const tree = renderFileTree(parts.files, (path) => {
    parts.open(path);
    if (root.hasAttribute('data-narrow')) {
      setDrawer(false);
      parts.focusEditor();
    }
  });
  const treeId = uid('files');
  const nav = h('nav', { class: 'workbench__files', id: treeId, 'aria-label': t.filesLabel }, tree.element);
  const drawerButton = h('button', {
    type: 'button',
    class: 'button button--secondary workbench__files-toggle',
    'aria-expanded': 'false',
    'aria-controls': treeId,
    'data-files-toggle': true,
  });
  const wrapButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'aria-pressed': 'true', 'data-wrap-toggle': true },
    t.frame.wordWrap,
  );
  const shortcuts = h(
    'details',
    { class: 'workbench__shortcuts', 'data-shortcuts': true },
    h('summary', {}, t.frame.shortcuts),
    h(
      'dl',
      {},
      ...t.frame.shortcutList.map(([keys, what]) => h('div', {}, h('dt', {}, h('kbd', {}, keys)), h('dd', {}, what))),
    ),
  );

  const side = h('div', { class: 'workbench__side' }, ...parts.side);
  const split = h('div', { class: 'workbench__split' });
  const splitter = createSplitter(t.frame.splitter, (value) => {
    const beside = root.dataset['layout'] === 'beside';
    root.style.setProperty(beside ? '--editor-share' : '--editor-height', beside ? `${value}%` : `${value}px`);
  });
  split.append(parts.editor, splitter.element, side);

  const focusMode = createFocusMode(root, parts.announce, () => relayout());
  root.append(
    h(
      'div',
      { class: 'workbench__bar' },
      drawerButton,
      h('span', { class: 'workbench__title' }, parts.title),
      h('div', { class: 'workbench__toolbar' }, ...parts.actions),
      h('div', { class: 'workbench__view' }, wrapButton, focusMode.button, shortcuts),
    ),
    h('div', { class: 'workbench__body' }, nav, split),
  );

  function setDrawer(open: boolean): void {
    root.toggleAttribute('data-drawer-open', open);
    drawerButton.setAttribute('aria-expanded', String(open));
    if (open) tree.focus();
  }
  drawerButton.addEventListener('click', () => setDrawer(!root.hasAttribute('data-drawer-open')));
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !root.hasAttribute('data-drawer-open')) return;
    event.preventDefault(); // the drawer's Escape, not focus mode's
    setDrawer(false);
    drawerButton.focus();
  });

  let wrap = true;
  const setWrap = (on: boolean): void => {
    wrap = on;
    wrapButton.setAttribute('aria-pressed', String(on));
    parts.wrap(on);
  };
  wrapButton.addEventListener('click', () => setWrap(!wrap));
  root.addEventListener('keydown', (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyZ') {
      event.preventDefault();
      setWrap(!wrap);
    }
  });

  // Sizes follow the workbench's own width (a phone, a lesson column, the whole window in focus mode).
  let layout = '';
  function relayout(): void {
    const width = root.getBoundingClientRect().width;
    if (width === 0) return;
    const narrow = width < NARROW_PX;
    const beside = focusMode.on && width >= BESIDE_PX;
    // Leaving focus mode from the tree folds it into the drawer; the keyboard goes to the drawer's button.
    const inTree = nav.contains(document.activeElement) && !root.hasAttribute('data-drawer-open');
    root.toggleAttribute('data-narrow', narrow);
    if (!narrow) setDrawer(false);
    else if (inTree) drawerButton.focus();
    const next = `${beside ? 'beside' : 'below'}/${focusMode.on}`;
    if (next === layout) return;
    layout = next;
    root.dataset['layout'] = beside ? 'beside' : 'below';
    splitter.configure(beside ? 'vertical' : 'horizontal', beside ? besideRange() : belowRange());
  }
  const besideRange = () => ({
    min: 25,
    max: 80,
    step: 5,
    value: 60,
    text: t.frame.editorShare,
    fromPointer: (e: PointerEvent) => {
      const box = split.getBoundingClientRect();
      return ((e.clientX - box.left) / box.width) * 100;
    },
  });
  const belowRange = () => {
    const max = Math.max(320, Math.round(innerHeight * (focusMode.on ? 0.75 : 0.9)));
    return {
      min: 160,
      max,
      step: 32,
      value: focusMode.on ? Math.round(max * 0.7) : 384,
      text: t.frame.editorHeight,
      fromPointer: (e: PointerEvent) => e.clientY - parts.editor.getBoundingClientRect().top,
    };
  };
  new ResizeObserver(relayout).observe(root);
  queueMicrotask(relayout);

  return {
    element: root,
    select(path) {
      tree.select(path);
      drawerButton.textContent = t.frame.filesToggle(path);
    },
    focusMode,
  };
}

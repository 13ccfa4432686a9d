import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

export interface TreeFile {
  /** Workspace path, e.g. "src/modules/feeds/index.ts". */
  path: string;
  /** The learner may change it; otherwise it is shown locked. */
  editable: boolean;
}

export interface FileTree {
  element: HTMLElement;
  /** Marks `path` as the open file and makes it the tree's Tab stop; opens the folders above it. */
  select(path: string): void;
  /** Puts the keyboard on the open file. */
  focus(): void;
}

interface Folder {
  name: string;
  path: string;
  folders: Map<string, Folder>;
  files: TreeFile[];
}

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * The workspace as a tree (WAI-ARIA tree view pattern): folders that open and close, a role badge on every
 * file, one Tab stop, arrow keys to move, Enter to open. Replaces the tab strip, which wrapped into a
 * staircase as soon as an exercise had more than a few files.
 */
export function renderFileTree(files: readonly TreeFile[], onOpen: (path: string) => void): FileTree {
  const tree = h('ul', { role: 'tree', class: 'file-tree', 'aria-label': t.filesLabel });
  const rows = new Map<string, HTMLLIElement>();
  appendChildren(tree, buildFolders(files), 1, rows);

  const items = (): HTMLLIElement[] =>
    [...tree.querySelectorAll<HTMLLIElement>('[role="treeitem"]')].filter((li) => isShown(li, tree));
  const setTabStop = (item: HTMLLIElement): void => {
    for (const li of tree.querySelectorAll<HTMLLIElement>('[role="treeitem"]')) li.tabIndex = li === item ? 0 : -1;
  };
  const move = (item: HTMLLIElement | undefined): void => {
    if (!item) return;
    setTabStop(item);
    item.focus();
  };
  const toggle = (folder: HTMLLIElement, open: boolean): void => folder.setAttribute('aria-expanded', String(open));
  const activate = (item: HTMLLIElement): void => {
    const path = item.dataset['path'];
    if (path !== undefined) onOpen(path);
    else toggle(item, item.getAttribute('aria-expanded') !== 'true');
  };

  tree.addEventListener('click', (event) => {
    const item = (event.target as Element).closest<HTMLLIElement>('[role="treeitem"]');
    if (!item) return;
    setTabStop(item);
    activate(item);
  });
  tree.addEventListener('keydown', (event) => {
    const item = (event.target as Element).closest<HTMLLIElement>('[role="treeitem"]');
    if (!item) return;
    const shown = items();
    const i = shown.indexOf(item);
    const isFolder = item.dataset['path'] === undefined;
    const open = item.getAttribute('aria-expanded') === 'true';
    const parent = item.parentElement?.closest<HTMLLIElement>('[role="treeitem"]') ?? undefined;
    switch (event.key) {
      case 'ArrowDown':
        move(shown[i + 1]);
        break;
      case 'ArrowUp':
        move(shown[i - 1]);
        break;
      case 'Home':
        move(shown[0]);
        break;
      case 'End':
        move(shown.at(-1));
        break;
      case 'ArrowRight':
        if (isFolder && !open) toggle(item, true);
        else if (isFolder) move(shown[i + 1]);
        break;
      case 'ArrowLeft':
        if (isFolder && open) toggle(item, false);
        else move(parent);
        break;
      case 'Enter':
      case ' ':
        activate(item);
        break;
      default:
        // Type-ahead: a letter moves to the next item whose name starts with it.
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        move(
          [...shown.slice(i + 1), ...shown.slice(0, i + 1)].find((li) =>
            (li.dataset['name'] ?? '').toLowerCase().startsWith(event.key.toLowerCase()),
          ),
        );
    }
    event.preventDefault();
  });

  return {
    element: tree,
    select(path) {
      const row = rows.get(path);
      if (!row) return;
      for (const [p, li] of rows) li.setAttribute('aria-selected', String(p === path));
      for (let up = row.parentElement?.closest<HTMLLIElement>('[role="treeitem"]'); up;) {
        toggle(up, true);
        up = up.parentElement?.closest<HTMLLIElement>('[role="treeitem"]');
      }
      setTabStop(row);
    },
    focus() {
      tree.querySelector<HTMLLIElement>('[role="treeitem"][tabindex="0"]')?.focus();
    },
  };
}

function buildFolders(files: readonly TreeFile[]): Folder {
  const root: Folder = { name: '', path: '', folders: new Map(), files: [] };
  for (const file of files) {
    let folder = root;
    for (const part of file.path.split('/').slice(0, -1)) {
      const path = folder.path ? `${folder.path}/${part}` : part;
      let next = folder.folders.get(part);
      if (!next) {
        next = { name: part, path, folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push(file);
  }
  return root;
}

/** Folders first, then files, each by name: the order of every file manager the learner knows. */
function appendChildren(list: HTMLUListElement, folder: Folder, level: number, rows: Map<string, HTMLLIElement>): void {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  for (const sub of [...folder.folders.values()].sort(byName)) {
    const group = h('ul', { role: 'group' });
    appendChildren(group, sub, level + 1, rows);
    list.append(
      h(
        'li',
        {
          role: 'treeitem',
          class: 'file-tree__folder',
          'aria-expanded': 'true',
          'aria-level': String(level),
          // Named from its content, as the APG's file-directory tree is: a label of its own would hide the
          // visible row text from speech-input users (axe: label-content-name-mismatch).
          'data-folder': sub.path,
          'data-name': sub.name,
          tabindex: '-1',
        },
        h('span', { class: 'file-tree__row' }, h('span', { class: 'file-tree__name' }, t.frame.folder(sub.name))),
        group,
      ),
    );
  }
  const files = folder.files.map((f) => ({ ...f, name: f.path.split('/').at(-1) ?? f.path })).sort(byName);
  for (const file of files) {
    const li = h(
      'li',
      {
        role: 'treeitem',
        class: 'file-tree__file',
        'aria-level': String(level),
        'aria-selected': 'false',
        'data-path': file.path,
        'data-name': file.name,
        tabindex: '-1',
      },
      h(
        'span',
        { class: 'file-tree__row' },
        h('span', { class: 'file-tree__name' }, file.name),
        TEST_FILE.test(file.path) ? h('span', { class: 'badge', 'data-badge': 'test' }, t.frame.test) : null,
        h(
          'span',
          {
            class: `badge${file.editable ? ' badge--editable' : ''}`,
            'data-badge': file.editable ? 'editable' : 'readonly',
          },
          file.editable ? t.frame.editable : t.readOnly,
        ),
      ),
    );
    rows.set(file.path, li);
    list.append(li);
  }
}

/** Visible to the keyboard: every folder above it is open. */
function isShown(item: HTMLElement, tree: HTMLElement): boolean {
  for (let up = item.parentElement?.closest('[role="treeitem"]'); up && tree.contains(up);) {
    if (up.getAttribute('aria-expanded') !== 'true') return false;
    up = up.parentElement?.closest('[role="treeitem"]');
  }
  return true;
}

import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Files } from '../../runtime/checks/toolchain.ts';
import { createReadonlyDiff } from './diff-editor.ts';
import { languageOf } from './monaco.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

interface DiffOptions {
  mine: Files;
  reference: Files;
  paths: readonly string[];
  /** Focus returns here when the dialog closes. */
  opener: HTMLElement;
}

/** A modal with Monaco's diff editor: the learner's code against the reference, one file at a time. */
export function openSolutionDiff(monaco: typeof Monaco, { mine, reference, paths, opener }: DiffOptions): void {
  const changed = paths.filter((p) => (mine[p] ?? '') !== (reference[p] ?? ''));
  const shown = changed.length > 0 ? changed : [...paths];
  const select = h('select', { 'aria-label': 'File' }, ...shown.map((p) => h('option', { value: p }, p)));
  const close = h('button', { type: 'button', class: 'button' }, t.closeSolution);
  const container = h('div', { class: 'solution-diff__editor' });
  const dialog = h(
    'dialog',
    { class: 'solution-diff', 'aria-label': t.solutionTitle },
    h('h2', {}, t.solutionTitle),
    h('div', { class: 'solution-diff__bar' }, select, close),
    container,
  );
  document.body.append(dialog);
  dialog.showModal();
  const diff = createReadonlyDiff(monaco, container);
  // Monaco diffs in its editor worker. Models disposed while a diff is in flight make the worker answer
  // with nothing, and Monaco throws "no diff result available" as an uncaught rejection (closing the
  // dialog at once, or switching files fast, did it). So models are disposed only once the diff that
  // used them has come back, or after a grace period if it never does.
  let pending = false;
  diff.onDidUpdateDiff(() => {
    pending = false;
  });
  const whenSettled = (work: () => void): void => {
    if (!pending) return work();
    let ran = false;
    const once = () => {
      if (ran) return;
      ran = true;
      subscription.dispose();
      work();
    };
    const subscription = diff.onDidUpdateDiff(once);
    setTimeout(once, 2000);
  };
  let models: Monaco.editor.ITextModel[] = [];
  const show = (path: string) => {
    const language = languageOf(path);
    const next = [
      monaco.editor.createModel(mine[path] ?? '', language),
      monaco.editor.createModel(reference[path] ?? '', language),
    ];
    const previous = models;
    whenSettled(() => previous.forEach((m) => m.dispose()));
    pending = true;
    diff.setModel({ original: next[0] as Monaco.editor.ITextModel, modified: next[1] as Monaco.editor.ITextModel });
    models = next;
  };
  show(select.value);
  select.addEventListener('change', () => show(select.value));
  const teardown = () => {
    // Focus leaves the editor while it is still alive: its blur handlers write to its context keys, and
    // after dispose() that throws "AbstractContextKeyService has been disposed" into the page. The closed
    // dialog stays in the document, hidden, until the editor inside it is gone.
    opener.focus();
    whenSettled(() => {
      diff.dispose();
      models.forEach((m) => m.dispose());
      dialog.remove();
    });
  };
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', teardown, { once: true });
}

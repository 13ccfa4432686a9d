import type { Files } from '../../runtime/checks/toolchain.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { renderMarkdown } from './markdown-view.ts';

/**
 * The read-only material of a judgment exercise (the brief, the dependency graph, each consumer's code) as
 * disclosure widgets: native, keyboard operable, and the first one open so the task is in view. Markdown
 * is rendered as the lessons are (tables as tables); code stays code.
 */
export function renderFiles(files: Files, paths: readonly string[]): HTMLElement {
  return h(
    'section',
    { class: 'judgment__files', 'aria-label': t.judgment.brief, tabindex: '-1', 'data-material': true },
    ...paths.map((path, i) =>
      h(
        'details',
        { class: 'judgment__file', open: i === 0, 'data-file': path },
        h('summary', {}, h('code', {}, path)),
        path.endsWith('.md')
          ? renderMarkdown(files[path] ?? '')
          : h('pre', { tabindex: '0' }, h('code', {}, files[path] ?? '')),
      ),
    ),
  );
}

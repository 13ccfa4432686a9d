import type * as Monaco from 'monaco-editor/editor/editor.api';

/**
 * A read-only side-by-side diff editor as every diff on the site shows one (Compare with solution, the
 * review exercise, the mentor's review page): narrow windows fall back to the inline view, and Tab
 * leaves the editor so the forms beside it stay reachable by keyboard.
 */
export function createReadonlyDiff(
  monaco: typeof Monaco,
  container: HTMLElement,
  extra: Monaco.editor.IStandaloneDiffEditorConstructionOptions = {},
): Monaco.editor.IStandaloneDiffEditor {
  return monaco.editor.createDiffEditor(container, {
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    minimap: { enabled: false },
    renderSideBySide: true,
    useInlineViewWhenSpaceIsLimited: true,
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabFocusMode: true,
    accessibilitySupport: 'auto',
    // The gutter menu offers "revert this change", meaningless on a read-only diff; its toolbar also
    // re-reads the editor's context keys after dispose() and threw "AbstractContextKeyService has been
    // disposed" into the page when Compare with solution closed.
    renderGutterMenu: false,
    ...extra,
  });
}

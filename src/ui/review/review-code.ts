import { t } from '../../i18n/index.ts';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Thread } from '../../shared-api/review-api.ts';
import { createReadonlyDiff } from '../exercise/diff-editor.ts';
import { languageOf } from '../exercise/monaco.ts';

/** What the revision is compared with: the exercise's starter or the learner's previous revision. */
export type DiffBase = 'starter' | 'previous';

export interface ReviewCodeOptions {
  files: Record<string, string>;
  starter: Record<string, string>;
  /** The previous revision's files, or null for a first revision. */
  previous: Record<string, string> | null;
  paths: readonly string[];
  /** The lines selected in the revision (or clicked in its gutter). */
  onLines(file: string, startLine: number, endLine: number, fromGutter: boolean): void;
}

/**
 * The revision's files in Monaco's diff editor, the revision on the right (where comments anchor), the
 * starter or previous revision on the left. Models are kept per file and base for the page's life, so
 * switching never disposes a model Monaco's diff worker is still reading.
 */
export class ReviewCode {
  readonly #monaco: typeof Monaco;
  readonly #options: ReviewCodeOptions;
  readonly #diff: Monaco.editor.IStandaloneDiffEditor;
  readonly #decorations: Monaco.editor.IEditorDecorationsCollection;
  readonly #models = new Map<string, Monaco.editor.ITextModel>();
  #file: string;
  #base: DiffBase = 'starter';
  #threads: Thread[] = [];

  constructor(monaco: typeof Monaco, container: HTMLElement, options: ReviewCodeOptions) {
    this.#monaco = monaco;
    this.#options = options;
    this.#file = options.paths[0] ?? '';
    this.#diff = createReadonlyDiff(monaco, container, {
      glyphMargin: true,
      // Monaco draws the number after a final newline faint, below WCAG AA contrast (axe).
      renderFinalNewline: 'on',
    });
    const modified = this.#diff.getModifiedEditor();
    this.#decorations = modified.createDecorationsCollection();
    modified.onDidChangeCursorSelection((e) => {
      const { startLineNumber, endLineNumber } = e.selection;
      options.onLines(this.#file, startLineNumber, endLineNumber, false);
    });
    modified.onMouseDown((e) => {
      const gutter = [
        monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS,
        monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN,
        monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS,
      ];
      const line = e.target.position?.lineNumber;
      if (line !== undefined && gutter.includes(e.target.type)) options.onLines(this.#file, line, line, true);
    });
    this.show(this.#file, this.#base);
  }

  get file(): string {
    return this.#file;
  }

  lineCount(file = this.#file): number {
    return (this.#options.files[file] ?? '').split(/\r?\n/).length;
  }

  show(file: string, base: DiffBase): void {
    this.#file = file;
    this.#base = base;
    const baseFiles = base === 'previous' ? (this.#options.previous ?? {}) : this.#options.starter;
    this.#diff.setModel({
      original: this.#model(`${base}:${file}`, baseFiles[file] ?? '', file),
      modified: this.#model(`revision:${file}`, this.#options.files[file] ?? '', file),
    });
    this.#diff.getModifiedEditor().updateOptions({ ariaLabel: t.mentorReview.editorThisRevision(file) });
    this.#diff.getOriginalEditor().updateOptions({ ariaLabel: t.mentorReview.editorBase(file, base === 'previous') });
    this.#decorate();
  }

  /** Scrolls the revision to a thread's lines and selects them. */
  reveal(file: string, startLine: number, endLine: number): void {
    if (file !== this.#file) this.show(file, this.#base);
    const editor = this.#diff.getModifiedEditor();
    editor.revealLinesInCenter(startLine, endLine);
    editor.setSelection(new this.#monaco.Range(startLine, 1, endLine, Number.MAX_SAFE_INTEGER));
  }

  setThreads(threads: Thread[]): void {
    this.#threads = threads;
    this.#decorate();
  }

  #decorate(): void {
    this.#decorations.set(
      this.#threads.flatMap((thread) =>
        thread.file === this.#file && thread.placement
          ? [
              {
                range: new this.#monaco.Range(thread.placement.startLine, 1, thread.placement.endLine, 1),
                options: {
                  isWholeLine: true,
                  className: thread.resolved
                    ? 'review-line--resolved'
                    : thread.blocking
                      ? 'review-line--blocking'
                      : 'review-line',
                  glyphMarginClassName: 'review-glyph',
                  hoverMessage: {
                    value: t.mentorReview.threadHover(thread.label, thread.blocking, thread.resolved),
                  },
                },
              },
            ]
          : [],
      ),
    );
  }

  #model(key: string, text: string, path: string): Monaco.editor.ITextModel {
    let model = this.#models.get(key);
    if (!model) {
      model = this.#monaco.editor.createModel(text, languageOf(path));
      this.#models.set(key, model);
    }
    return model;
  }
}

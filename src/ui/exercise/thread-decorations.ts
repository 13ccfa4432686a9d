import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { LineNote } from '../feedback/placement.ts';

/** Where a note's decoration is now: Monaco moves decorations with the learner's edits. */
export interface PlacedNote {
  threadId: string;
  file: string;
  startLine: number;
  endLine: number;
}

/**
 * A mentor's threads as decorations on the workbench's models: the lines highlighted, a glyph in the
 * margin, the comment on hover. They live on the models (not the editor), so they stay on their code on
 * every tab and move with edits above them, as Monaco's decorations do.
 */
export class ThreadDecorations {
  readonly #monaco: typeof Monaco;
  readonly #models: ReadonlyMap<string, Monaco.editor.ITextModel>;
  readonly #editor: Monaco.editor.IStandaloneCodeEditor;
  /** Decoration ids per file, and the thread each one belongs to. */
  #ids = new Map<string, string[]>();
  #threadOf = new Map<string, string>();

  constructor(
    monaco: typeof Monaco,
    models: ReadonlyMap<string, Monaco.editor.ITextModel>,
    editor: Monaco.editor.IStandaloneCodeEditor,
  ) {
    this.#monaco = monaco;
    this.#models = models;
    this.#editor = editor;
  }

  /** Replaces every note with these. */
  show(notes: readonly LineNote[]): void {
    this.#threadOf.clear();
    for (const [file, model] of this.#models) {
      const mine = notes.filter((n) => n.file === file && n.startLine <= model.getLineCount());
      const ids = model.deltaDecorations(
        this.#ids.get(file) ?? [],
        mine.map((note) => this.#decoration(note, model)),
      );
      this.#ids.set(file, ids);
      ids.forEach((id, i) => this.#threadOf.set(id, mine[i]?.threadId ?? ''));
    }
    // The glyph margin takes room: only while there is something to mark.
    this.#editor.updateOptions({ glyphMargin: notes.length > 0 });
  }

  /** Each note's lines as they are now, after whatever the learner typed. */
  placed(): PlacedNote[] {
    return [...this.#models].flatMap(([file, model]) =>
      (this.#ids.get(file) ?? []).flatMap((id) => {
        const range = model.getDecorationRange(id);
        const threadId = this.#threadOf.get(id);
        return range && threadId
          ? [{ threadId, file, startLine: range.startLineNumber, endLine: range.endLineNumber }]
          : [];
      }),
    );
  }

  #decoration(note: LineNote, model: Monaco.editor.ITextModel): Monaco.editor.IModelDeltaDecoration {
    const endLine = Math.min(note.endLine, model.getLineCount());
    const hoverMessage = { value: escapeMarkdown(note.hover), isTrusted: false, supportHtml: false };
    const kind = note.blocking ? 'review-line review-line--blocking' : 'review-line';
    return {
      range: new this.#monaco.Range(note.startLine, 1, endLine, model.getLineMaxColumn(endLine)),
      options: {
        isWholeLine: true,
        className: kind,
        glyphMarginClassName: note.blocking ? 'review-glyph review-glyph--blocking' : 'review-glyph',
        hoverMessage,
        glyphMarginHoverMessage: hoverMessage,
        // Typing at either end of the commented lines keeps the text inside the comment's range.
        stickiness: this.#monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges,
        overviewRuler: {
          color: note.blocking ? '#b42318' : '#1f4e8c',
          position: this.#monaco.editor.OverviewRulerLane.Left,
        },
      },
    };
  }
}

/** The comment as literal text in Monaco's hover (which renders Markdown): written by a person, shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

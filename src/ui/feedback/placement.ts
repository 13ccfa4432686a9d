import { t } from '../../i18n/index.ts';
import { anchorText, reAnchor } from '../../runtime/comments/re-anchor.ts';
import type { Thread } from '../../shared-api/review-api.ts';

/** A mentor's thread as lines of the editor's text: what the decorations are made from. DOM-free. */
export interface LineNote {
  threadId: string;
  file: string;
  startLine: number;
  endLine: number;
  blocking: boolean;
  /** Plain text shown when the pointer rests on the line: label, author and the opening comment. */
  hover: string;
}

/**
 * Where a thread goes in the editor's text now. The server placed it on the revision the feedback is
 * for; when the editor holds exactly that revision's file, that is the answer. When the learner has edited
 * since (and reloaded), the placed lines are looked for in the editor's text as the server looks for
 * them across revisions; not found (or outdated on the revision) is null: listed, not drawn.
 */
export function editorLines(
  thread: Thread,
  revisionFiles: Readonly<Record<string, string>>,
  editorText: string | undefined,
): { startLine: number; endLine: number } | null {
  const placed = thread.placement;
  const revisionText = revisionFiles[thread.file];
  if (!placed || revisionText === undefined || editorText === undefined) return null;
  if (editorText === revisionText) return { startLine: placed.startLine, endLine: placed.endLine };
  const found = reAnchor(
    {
      file: thread.file,
      startLine: placed.startLine,
      endLine: placed.endLine,
      text: anchorText(revisionText, placed.startLine, placed.endLine),
    },
    { [thread.file]: editorText },
  );
  return found && { startLine: found.startLine, endLine: found.endLine };
}

/** The notes to draw: unresolved threads that have lines in the editor's text. */
export function lineNotes(
  threads: readonly Thread[],
  revisionFiles: Readonly<Record<string, string>>,
  editorText: (file: string) => string | undefined,
): LineNote[] {
  return threads.flatMap((thread) => {
    if (thread.resolved) return [];
    const lines = editorLines(thread, revisionFiles, editorText(thread.file));
    if (!lines) return [];
    const opening = thread.comments[0];
    const hover = [
      t.feedback.lineNoteHead(thread.label, thread.blocking, opening?.authorName),
      opening?.body ?? '',
      thread.comments.length > 1 ? t.feedback.lineNoteMore(thread.comments.length - 1) : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    return [{ threadId: thread.id, file: thread.file, ...lines, blocking: thread.blocking, hover }];
  });
}

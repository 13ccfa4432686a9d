import { describe, expect, it } from 'vitest';
import type { Thread } from '../../src/shared-api/review-api.ts';
import { editorLines, lineNotes } from '../../src/ui/feedback/placement.ts';
import { escapeMarkdown } from '../../src/ui/exercise/thread-decorations.ts';

const FILE = 'src/limiter.ts';
/** Twenty numbered lines; line 12 is the one the mentor comments on. */
const revision = Array.from({ length: 20 }, (_, i) =>
  i === 11 ? 'return Date.now() - start;' : `const v${i + 1} = ${i + 1};`,
).join('\n');

function thread(over: Partial<Thread> = {}): Thread {
  return {
    id: 't1',
    submissionId: 's1',
    revision: 1,
    file: FILE,
    placement: { startLine: 12, endLine: 12, moved: false },
    original: { startLine: 12, endLine: 12, text: 'return Date.now() - start;' },
    label: 'issue',
    blocking: true,
    resolved: false,
    comments: [
      {
        id: 'c1',
        authorId: 'm',
        authorName: 'Ada',
        authorRole: 'mentor',
        body: 'Use the injected clock here.',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    ...over,
  };
}

describe('where a mentor’s thread is drawn in the learner’s editor', () => {
  it('takes the server’s placement when the editor holds the revision it was placed on', () => {
    expect(editorLines(thread(), { [FILE]: revision }, revision)).toEqual({ startLine: 12, endLine: 12 });
  });

  it('follows the code when the learner has added lines above it since submitting', () => {
    const edited = `// one\n// two\n// three\n${revision}`;
    expect(editorLines(thread(), { [FILE]: revision }, edited)).toEqual({ startLine: 15, endLine: 15 });
  });

  it('draws nothing when the commented code is gone from the editor or the thread is outdated', () => {
    const gone = revision.replace('return Date.now() - start;', 'return clock.now() - start;');
    expect(editorLines(thread(), { [FILE]: revision }, gone)).toBeNull();
    expect(editorLines(thread({ placement: null }), { [FILE]: revision }, revision)).toBeNull();
    expect(editorLines(thread(), { [FILE]: revision }, undefined)).toBeNull();
  });

  it('makes notes of unresolved threads only, with the label, author and comment for the hover', () => {
    const notes = lineNotes([thread(), thread({ id: 't2', resolved: true })], { [FILE]: revision }, () => revision);
    expect(notes).toEqual([
      {
        threadId: 't1',
        file: FILE,
        startLine: 12,
        endLine: 12,
        blocking: true,
        hover: 'issue (blocking) · Ada\n\nUse the injected clock here.',
      },
    ]);
  });

  it('shows a comment in the hover as the text it is: Markdown and HTML are escaped', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <b>*hi*</b>')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>\\*hi\\*\\</b\\>',
    );
  });
});

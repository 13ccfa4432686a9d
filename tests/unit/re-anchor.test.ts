import { describe, expect, it } from 'vitest';
import { anchorText, reAnchor, type Anchor } from '../../src/runtime/comments/re-anchor.ts';

const ORIGINAL = `import { sleep } from './sleep.ts';

export async function retry<T>(attempt: () => Promise<T>, times: number): Promise<T> {
  let last: unknown;
  for (let i = 0; i < times; i++) {
    try {
      return await attempt();
    } catch (error) {
      last = error;
      await sleep(100);
    }
  }
  throw last;
}
`;

/** A mentor's comment on the fixed 100 ms sleep (line 10) and one on the try/catch block (lines 6–11). */
const onSleep: Anchor = { file: 'src/retry.ts', startLine: 10, endLine: 10, text: anchorText(ORIGINAL, 10, 10) };
const onBlock: Anchor = { file: 'src/retry.ts', startLine: 6, endLine: 11, text: anchorText(ORIGINAL, 6, 11) };

const lines = ORIGINAL.split('\n');
const files = (text: string) => ({ 'src/retry.ts': text });

describe('re-anchoring a line comment on a later revision', () => {
  it('stores the text of the commented lines', () => {
    expect(onSleep.text).toBe('      await sleep(100);');
    expect(onBlock.text.split('\n')).toHaveLength(6);
  });

  it('stays put on an unchanged file', () => {
    expect(reAnchor(onSleep, files(ORIGINAL))).toEqual({ startLine: 10, endLine: 10, moved: false });
  });

  it('follows the code down when lines are inserted above it', () => {
    const edited = [lines[0], "import { jitter } from './jitter.ts';", '', ...lines.slice(1)].join('\n');
    expect(reAnchor(onSleep, files(edited))).toEqual({ startLine: 12, endLine: 12, moved: true });
    expect(reAnchor(onBlock, files(edited))).toEqual({ startLine: 8, endLine: 13, moved: true });
  });

  it('follows a block moved into another function', () => {
    const edited = [
      ...lines.slice(0, 2),
      'async function once<T>(attempt: () => Promise<T>): Promise<T | undefined> {',
      ...lines.slice(5, 11),
      '}',
      '',
      ...lines.slice(2, 5),
      '    await once(attempt);',
      ...lines.slice(11),
    ].join('\n');
    expect(reAnchor(onBlock, files(edited))).toEqual({ startLine: 4, endLine: 9, moved: true });
  });

  it('matches ignoring whitespace when the learner re-indents the lines', () => {
    const edited = ORIGINAL.replace('      await sleep(100);', '\t\t\tawait  sleep(100);');
    expect(reAnchor(onSleep, files(edited))).toEqual({ startLine: 10, endLine: 10, moved: false });
  });

  it('picks the copy nearest the old position when the text occurs twice', () => {
    const edited = ORIGINAL.replace('  throw last;', '  await sleep(100);\n  throw last;');
    // Line 14 now holds a second "await sleep(100);" (less indented); the exact copy on line 10 wins.
    expect(reAnchor(onSleep, files(edited))).toEqual({ startLine: 10, endLine: 10, moved: false });
    const twice = [...lines.slice(0, 3), '      await sleep(100);', ...lines.slice(3)].join('\n');
    expect(reAnchor(onSleep, files(twice))).toEqual({ startLine: 11, endLine: 11, moved: true });
  });

  it('is outdated when the commented lines were edited', () => {
    const edited = ORIGINAL.replace('await sleep(100);', 'await sleep(backoff(i));');
    expect(reAnchor(onSleep, files(edited))).toBeNull();
    expect(reAnchor(onBlock, files(edited))).toBeNull();
  });

  it('is outdated when the file was deleted or renamed', () => {
    expect(reAnchor(onSleep, { 'src/retry-policy.ts': ORIGINAL })).toBeNull();
  });

  it('keeps a comment on blank lines only where it was, while they are still blank', () => {
    const blank: Anchor = { file: 'src/retry.ts', startLine: 2, endLine: 2, text: '' };
    expect(reAnchor(blank, files(ORIGINAL))).toEqual({ startLine: 2, endLine: 2, moved: false });
    expect(reAnchor(blank, files(ORIGINAL.replace('\n\n', '\n// retries\n')))).toBeNull();
  });
});

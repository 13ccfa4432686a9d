import { exerciseSchema } from '../../../src/content/schema/exercise.ts';
import type { ExerciseBundle } from '../../../src/runtime/exercise/bundle.ts';

/**
 * An exercise whose learner code loops forever on one input only, so a run gets some way before it
 * hangs: lint passes, the first test file finishes (one pass, one fail), the second hangs in its second
 * test, and the document check after it never starts. What a timeout must keep is then known exactly.
 */
export function loopingExercise(timeoutMs: number): ExerciseBundle {
  return {
    slug: 'loop-partway',
    meta: exerciseSchema.parse({
      title: 'Loop partway',
      summary: 'Count the items; the learner version loops forever on long lists.',
      lesson: 'demo',
      difficulty: 'intro',
      estimatedMinutes: 1,
      engine: 'worker',
      timeoutMs,
      files: [
        { path: 'src/count.ts', role: 'editable' },
        { path: 'eslint.config.js', role: 'readonly' },
        { path: 'tests/short.test.ts', role: 'hidden' },
        { path: 'tests/long.test.ts', role: 'hidden' },
        { path: 'NOTES.md', role: 'editable' },
      ],
      checks: [
        { id: 'lint', kind: 'lint', title: 'Lint', files: ['src/count.ts'] },
        { id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/short.test.ts', 'tests/long.test.ts'] },
        { id: 'notes', kind: 'document', title: 'Notes', file: 'NOTES.md', requiredHeadings: ['Why'] },
      ],
      hints: ['Use the length property.', 'Arrays know their length.'],
    }),
    starter: {
      'src/count.ts': LOOPING_COUNT,
      'eslint.config.js': "export default [{ rules: { eqeqeq: 'error' } }];\n",
      'NOTES.md': '# Why\n',
    },
    hidden: {
      'tests/short.test.ts': [
        // Vitest runs larger files first (with no timings cached): this comment keeps this file the larger,
        // so the Node engine runs it before the loop, in the order the worker engine does.
        '// The short lists: none of them reaches the loop, so both tests finish whatever count() does.',
        "import { describe, expect, it } from 'vitest';",
        "import { count } from '../src/count';",
        "describe('short lists', () => {",
        "  it('counts none', () => expect(count([])).toBe(0));",
        "  it('counts one, wrongly', () => expect(count([1])).toBe(2));",
        '});',
        '',
      ].join('\n'),
      'tests/long.test.ts': [
        "import { expect, it } from 'vitest';",
        "import { count } from '../src/count';",
        "it('counts two', () => expect(count([1, 2])).toBe(2));",
        "it('counts three', () => expect(count([1, 2, 3])).toBe(3));",
        "it('counts four', () => expect(count([1, 2, 3, 4])).toBe(4));",
        '',
      ].join('\n'),
    },
    solution: {},
    fixtures: {},
  };
}

/** Hostile learner code: a synchronous endless loop nothing inside the thread can interrupt. */
export const LOOPING_COUNT = [
  'export function count(items: unknown[]): number {',
  '  if (items.length > 2) for (;;) {}',
  '  return items.length;',
  '}',
  '',
].join('\n');

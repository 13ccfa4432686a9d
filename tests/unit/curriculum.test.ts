import { describe, expect, it } from 'vitest';
import {
  embeddedExercises,
  findCurriculumProblems,
  lessonsOfTrack,
  neighbours,
  type LessonRef,
} from '../../src/content/curriculum.ts';
import type { LessonFrontmatter } from '../../src/content/schema/lesson.ts';

function lesson(id: string, data: Partial<LessonFrontmatter>): LessonRef {
  return {
    id,
    filePath: `content/lessons/${id}.mdx`,
    data: {
      title: id,
      description: 'description',
      track: 'code-quality',
      order: 1,
      estimatedMinutes: 10,
      objectives: [],
      prerequisites: [],
      sources: [],
      exercises: [],
      draft: false,
      ...data,
    },
  };
}

describe('cross-lesson checks', () => {
  it('names the file and field of a duplicate order, a missing prerequisite and a missing exercise', () => {
    const problems = findCurriculumProblems(
      [
        lesson('a', { order: 1 }),
        lesson('b', { order: 1, prerequisites: ['nope'], exercises: ['ghost'] }),
        lesson('c', { order: 1, track: 'capstone', exercises: ['real'] }),
      ],
      new Set(['real']),
    );
    expect(problems).toEqual([
      'content/lessons/b.mdx: frontmatter.order: 1 is already used in track "code-quality" by content/lessons/a.mdx',
      'content/lessons/b.mdx: frontmatter.prerequisites[0]: no lesson "nope" in content/lessons',
      'content/lessons/b.mdx: frontmatter.exercises[0]: no exercise "ghost" in exercises/',
    ]);
  });

  it('fails a lesson whose body and frontmatter disagree on its exercises, in both directions', () => {
    const body = [
      'Some prose.',
      '```mdx',
      '<Exercise slug="shown-as-syntax" />',
      '```',
      '<Exercise slug="real" />',
      "<Exercise client:visible slug={'unlisted'} />",
    ].join('\n');
    const problems = findCurriculumProblems(
      [{ ...lesson('a', { exercises: ['real', 'listed-only'] }), body }],
      new Set(['real', 'listed-only', 'unlisted', 'shown-as-syntax']),
    );
    expect(problems).toEqual([
      'content/lessons/a.mdx: body embeds <Exercise slug="unlisted" /> but frontmatter.exercises does not list "unlisted"',
      'content/lessons/a.mdx: frontmatter.exercises[1]: "listed-only" is listed but the body has no <Exercise slug="listed-only" />',
    ]);
  });

  it('finds no mismatch in the shipped lessons', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { load } = await import('js-yaml');
    const dir = 'content/lessons';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const data = load(front) as { exercises?: string[] };
      expect([...embeddedExercises(body)].sort(), file).toEqual([...(data.exercises ?? [])].sort());
    }
  });

  it('orders a track and finds neighbours without crossing tracks', () => {
    const all = [
      lesson('z', { order: 3 }),
      lesson('x', { order: 1 }),
      lesson('y', { order: 2 }),
      lesson('k', { track: 'capstone' }),
    ];
    expect(lessonsOfTrack(all, 'code-quality').map((l) => l.id)).toEqual(['x', 'y', 'z']);
    expect(neighbours(all, 'y')).toMatchObject({ prev: { id: 'x' }, next: { id: 'z' } });
    expect(neighbours(all, 'z').next).toBeUndefined();
    expect(neighbours(all, 'k')).toEqual({});
  });
});

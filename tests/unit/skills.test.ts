import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { skills } from '../../src/content/skills.ts';

/** Exercise slugs of every shipped lesson, from their frontmatter. */
function pillarExercises(): string[] {
  const dir = 'content/lessons';
  return readdirSync(dir).flatMap((file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const track = /^track: (.+)$/m.exec(text)?.[1];
    if (!track) return [];
    const block = /^exercises:\n((?:\s+- .+\n)+)/m.exec(text)?.[1] ?? '';
    return [...block.matchAll(/- (\S+)/g)].map((m) => m[1] as string);
  });
}

describe('the skill view', () => {
  it('lists only exercises that exist, and every exercise of every track', () => {
    for (const skill of skills)
      for (const slug of skill.exercises)
        expect(existsSync(`exercises/${slug}/exercise.yaml`), `${skill.id}: ${slug}`).toBe(true);
    const listed = new Set(skills.flatMap((s) => s.exercises));
    const missing = pillarExercises().filter((slug) => !listed.has(slug));
    expect(missing).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = 'exercises';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Whitespace-insensitive, so re-wrapping a line of code does not hide it. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('hints', () => {
  const slugs = readdirSync(root).filter((slug) =>
    statSync(join(root, slug, 'exercise.yaml'), { throwIfNoEntry: false }),
  );

  it.each(slugs)('%s: no hint hands over a line of the solution', (slug) => {
    const meta = parse(readFileSync(join(root, slug, 'exercise.yaml'), 'utf8')) as { hints: string[] };
    const solution = filesUnder(join(root, slug, 'solution'))
      .map((path) => squash(readFileSync(path, 'utf8')))
      .join('\n');
    // A code span long enough to be a statement rather than a name ("`maxDbFallback`" is fine to mention).
    const spans = meta.hints.flatMap((hint) => [...hint.matchAll(/`+([^`]{25,})`+/g)].map((m) => m[1] ?? ''));
    expect(spans.filter((span) => solution.includes(squash(span)))).toEqual([]);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { IsolatedContent } from './isolation-headers.ts';

/**
 * Reads which lessons embed exercises straight from content/lessons/*.mdx frontmatter. Used outside
 * Astro's content layer (the dev/preview middleware, the deploy-config script), so it parses only the
 * one field it needs; the build's own schema validation still guards the rest.
 */
export async function readIsolatedContent(projectRoot: string): Promise<IsolatedContent> {
  const dir = join(projectRoot, 'content', 'lessons');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  const lessons: string[] = [];
  const exercises = new Set<string>();
  for (const name of names) {
    const listed = exercisesOf(await readFile(join(dir, name), 'utf8'));
    if (listed.length === 0) continue;
    lessons.push(name.replace(/\.mdx$/, ''));
    for (const slug of listed) exercises.add(slug);
  }
  return { lessons, exercises: [...exercises].sort() };
}

function exercisesOf(source: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match?.[1]) return [];
  const data = yaml.load(match[1]);
  const list = typeof data === 'object' && data !== null && 'exercises' in data ? data.exercises : undefined;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

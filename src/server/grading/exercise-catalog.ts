import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { ExerciseBundle } from '../../runtime/exercise/bundle.ts';
import { listExerciseSlugs, loadExercise, readTree } from '../../runtime/exercise/load-from-disk.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** An exercise as the server grades it: the full bundle (hidden files and keys included) and its hash. */
export interface GradableExercise {
  bundle: ExerciseBundle;
  /** SHA-256 over every file of the exercise folder: what a report was graded against. */
  contentHash: string;
}

/**
 * The exercises and lessons on this server's disk. Read on every call rather than cached, so an edited
 * exercise gets a new content hash without a restart (the regrade flow depends on it); a folder is a
 * few dozen small files.
 */
export class ExerciseCatalog {
  readonly exercisesDir: string;
  readonly lessonsDir: string;

  constructor(root = PROJECT_ROOT) {
    this.exercisesDir = join(root, 'exercises');
    this.lessonsDir = join(root, 'content', 'lessons');
  }

  async slugs(): Promise<string[]> {
    return listExerciseSlugs(this.exercisesDir);
  }

  async has(slug: string): Promise<boolean> {
    return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && (await this.slugs()).includes(slug);
  }

  async contentHash(slug: string): Promise<string> {
    const files = await readTree(join(this.exercisesDir, slug));
    const hash = createHash('sha256');
    for (const path of Object.keys(files).sort()) hash.update(`${path}\0${files[path] ?? ''}\0`);
    return hash.digest('hex');
  }

  async load(slug: string): Promise<GradableExercise> {
    const [{ bundle }, contentHash] = await Promise.all([
      loadExercise(this.exercisesDir, slug),
      this.contentHash(slug),
    ]);
    return { bundle, contentHash };
  }

  /** Exercise slugs a lesson embeds, in its order; undefined for no such lesson. */
  async lessonExercises(lesson: string): Promise<string[] | undefined> {
    const lessons = await this.#lessons();
    return lessons.find((l) => l.slug === lesson)?.exercises;
  }

  /** Exercise slugs of every lesson of a track, lesson by lesson; undefined for an unknown track. */
  async trackExercises(track: string): Promise<string[] | undefined> {
    const lessons = (await this.#lessons()).filter((l) => l.track === track).sort((a, b) => a.order - b.order);
    return lessons.length === 0 ? undefined : lessons.flatMap((l) => l.exercises);
  }

  /** The lesson that embeds an exercise (the learner's page for it), or undefined when none does. */
  async lessonOf(exercise: string): Promise<string | undefined> {
    return (await this.#lessons()).find((l) => l.exercises.includes(exercise))?.slug;
  }

  /** Frontmatter fields the assignment flow needs; the site's build validates the rest. */
  async #lessons(): Promise<{ slug: string; track: string; order: number; exercises: string[] }[]> {
    const names = (await readdir(this.lessonsDir).catch(() => [])).filter((n) => n.endsWith('.mdx'));
    return Promise.all(
      names.map(async (name) => {
        const text = await readFile(join(this.lessonsDir, name), 'utf8');
        const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
        const data = (yaml.load(front) ?? {}) as { track?: string; order?: number; exercises?: string[] };
        return {
          slug: name.replace(/\.mdx$/, ''),
          track: data.track ?? '',
          order: data.order ?? 0,
          exercises: data.exercises ?? [],
        };
      }),
    );
  }
}

/** Versions of what grades on the server, recorded with every report. */
export async function graderVersions(
  nodeModules = join(PROJECT_ROOT, 'node_modules'),
): Promise<Record<string, string>> {
  const version = async (pkg: string): Promise<string> =>
    (JSON.parse(await readFile(join(nodeModules, pkg, 'package.json'), 'utf8')) as { version?: string }).version ??
    'unknown';
  return { engine: 'node', node: process.version, eslint: await version('eslint'), vitest: await version('vitest') };
}

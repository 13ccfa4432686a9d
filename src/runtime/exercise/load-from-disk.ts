import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { exerciseSchema } from '../../content/schema/exercise.ts';
import type { Files } from '../checks/toolchain.ts';
import type { ExerciseBundle } from './bundle.ts';
import { findBundleProblems } from './bundle-problems.ts';
import { formatIssuePath } from './issue-path.ts';

/** An exercise that cannot be used; `problems` each name the file and, where there is one, the field. */
export class ExerciseLoadError extends Error {
  readonly problems: readonly string[];
  constructor(slug: string, problems: readonly string[]) {
    super(`Exercise "${slug}" is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ExerciseLoadError';
    this.problems = problems;
  }
}

export interface LoadedExercise {
  bundle: ExerciseBundle;
  /** The exercise.yaml text as written, for checks on the source such as leftover placeholders. */
  yamlText: string;
}

/**
 * Reads exercises/<slug>/ (Node only: the one file of the exercise model that touches the file system)
 * and validates it against the schema and across files, so an author sees every mistake at once.
 */
export async function loadExercise(exercisesDir: string, slug: string): Promise<LoadedExercise> {
  const dir = join(exercisesDir, slug);
  const yamlPath = `exercises/${slug}/exercise.yaml`;
  let yamlText: string;
  try {
    yamlText = await readFile(join(dir, 'exercise.yaml'), 'utf8');
  } catch {
    throw new ExerciseLoadError(slug, [`${yamlPath}: not found (is "${slug}" the folder name under exercises/?)`]);
  }
  let raw: unknown;
  try {
    raw = yaml.load(yamlText, { filename: yamlPath });
  } catch (error) {
    throw new ExerciseLoadError(slug, [`${yamlPath}: not valid YAML: ${(error as Error).message}`]);
  }
  const parsed = exerciseSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ExerciseLoadError(
      slug,
      parsed.error.issues.map((issue) => `${yamlPath}: ${formatIssuePath(issue.path)}: ${issue.message}`),
    );
  }
  const bundle: ExerciseBundle = {
    slug,
    meta: parsed.data,
    starter: await readTree(join(dir, 'starter')),
    hidden: await readTree(join(dir, 'hidden')),
    solution: await readTree(join(dir, 'solution')),
    fixtures: prefix('fixtures/', await readTree(join(dir, 'fixtures'))),
  };
  const problems = findBundleProblems(bundle);
  if (problems.length > 0) throw new ExerciseLoadError(slug, problems);
  return { bundle, yamlText };
}

/** Slugs of every folder under exercises/ that holds an exercise.yaml, sorted. */
export async function listExerciseSlugs(exercisesDir: string): Promise<string[]> {
  const entries = await readdir(exercisesDir, { withFileTypes: true }).catch(() => []);
  const slugs: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(join(exercisesDir, entry.name, 'exercise.yaml')))) slugs.push(entry.name);
  }
  return slugs.sort();
}

/** All files below `dir` by forward-slash relative path; a missing folder is an empty tree. */
export async function readTree(dir: string): Promise<Files> {
  const files: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(dir, full).split(sep).join('/')] = await readFile(full, 'utf8');
  }
  return files;
}

function prefix(pre: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [pre + path, text]));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

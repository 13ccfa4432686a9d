import type { Files } from '../checks/toolchain.ts';
import { kindOf } from '../checks/registry.ts';
import type { ExerciseBundle } from './bundle.ts';

/** What the page fetches on submit (/exercises/<slug>.key.json): the answer keys and the reference answer. */
export interface AnswerKeyFile {
  slug: string;
  /** The key fixtures the secret checks read, by exercise-relative path. */
  fixtures: Files;
  /** The reference answer, shown after submit. */
  solution: Files;
}

/**
 * Splits an exercise with secret answer keys (review, decision, impact) into what ships with the page and
 * what is fetched only on submit. The page gets the starter and the fixtures other checks read; the keys
 * and the reference answer go to the key file; wrong answers go nowhere. Exercises without a secret key
 * are returned unchanged. This keeps keys out of the page, not out of reach: see "Answer keys" in README.
 */
export function splitAnswerKeys(bundle: ExerciseBundle): { page: ExerciseBundle; key: AnswerKeyFile | undefined } {
  const secret = bundle.meta.checks.filter((spec) => kindOf(spec).answerKeyIsSecret);
  if (secret.length === 0) return { page: bundle, key: undefined };
  const keyPaths = new Set(secret.flatMap((spec) => kindOf(spec).reads(spec).fixtures));
  const openPaths = new Set(
    bundle.meta.checks.filter((spec) => !secret.includes(spec)).flatMap((spec) => kindOf(spec).reads(spec).fixtures),
  );
  return {
    page: {
      ...bundle,
      // A wrong solution's edits quote the reference they change, so they stay out of the page too.
      meta: { ...bundle.meta, wrongSolutions: [] },
      solution: {},
      fixtures: pick(bundle.fixtures, (path) => openPaths.has(path)),
    },
    key: {
      slug: bundle.slug,
      fixtures: pick(bundle.fixtures, (path) => keyPaths.has(path)),
      solution: bundle.solution,
    },
  };
}

/** The bundle the secret checks grade with, once the key file is fetched. */
export function withAnswerKey(page: ExerciseBundle, key: AnswerKeyFile): ExerciseBundle {
  return { ...page, fixtures: { ...page.fixtures, ...key.fixtures }, solution: { ...page.solution, ...key.solution } };
}

/** Whether an exercise is graded against a secret key, so the page must fetch it on submit. */
export function hasSecretKey(bundle: Pick<ExerciseBundle, 'meta'>): boolean {
  return bundle.meta.checks.some((spec) => kindOf(spec).answerKeyIsSecret);
}

function pick(files: Files, keep: (path: string) => boolean): Files {
  return Object.fromEntries(Object.entries(files).filter(([path]) => keep(path)));
}

import type { ExerciseBundle, FileRole } from './bundle.ts';
import { fixturesUnder } from './bundle.ts';

/** Marks a placeholder left by `exercises new`; verify refuses an exercise until every one is gone. */
export const AUTHOR_TODO = 'TODO(author)';

/**
 * Cross-file problems the schema cannot see: a file in the wrong folder for its role, a listed file that
 * does not exist, a mutant or wrong solution that is missing. Each problem names the file or the field.
 */
export function findBundleProblems(bundle: ExerciseBundle): string[] {
  const { meta } = bundle;
  const yaml = `exercises/${bundle.slug}/exercise.yaml`;
  const roles = new Map(meta.files.map((f) => [f.path, f.role]));
  const problems: string[] = [];
  const expectFolder = (folder: 'starter' | 'hidden', files: Record<string, string>, allowed: FileRole[]): void => {
    for (const path of Object.keys(files)) {
      const role = roles.get(path);
      if (role === undefined)
        problems.push(`exercises/${bundle.slug}/${folder}/${path}: not listed in files of ${yaml}`);
      else if (!allowed.includes(role)) {
        problems.push(
          `exercises/${bundle.slug}/${folder}/${path}: listed with role ${role}, which belongs in ${role === 'hidden' ? 'hidden/' : 'starter/'}`,
        );
      }
    }
  };
  expectFolder('starter', bundle.starter, ['editable', 'readonly']);
  expectFolder('hidden', bundle.hidden, ['hidden']);
  meta.files.forEach((file, i) => {
    const folder = file.role === 'hidden' ? 'hidden' : 'starter';
    const present = file.role === 'hidden' ? bundle.hidden : bundle.starter;
    if (!(file.path in present)) problems.push(`${yaml}: files[${i}]: "${file.path}" does not exist in ${folder}/`);
  });
  for (const path of Object.keys(bundle.solution)) {
    if (roles.get(path) !== 'editable') {
      problems.push(`exercises/${bundle.slug}/solution/${path}: the solution may only replace editable files`);
    }
  }
  meta.checks.forEach((check, i) => {
    if (check.kind !== 'learner-tests') return;
    check.mutants.forEach((mutant, j) => {
      if (!(mutant.file in bundle.fixtures)) {
        problems.push(`${yaml}: checks[${i}].mutants[${j}].file: "${mutant.file}" does not exist`);
      }
    });
  });
  meta.checks.forEach((check, i) => {
    if (!('answerKey' in check)) return;
    // A missing key would only show as an error on submit; catch it on load like a missing mutant.
    if (!(check.answerKey in bundle.fixtures)) {
      problems.push(`${yaml}: checks[${i}].answerKey: "${check.answerKey}" does not exist`);
    }
  });
  meta.wrongSolutions.forEach((wrong, i) => {
    if (Object.keys(fixturesUnder(bundle, wrong.dir)).length === 0) {
      problems.push(`${yaml}: wrongSolutions[${i}].dir: "${wrong.dir}" holds no files`);
    }
  });
  return problems;
}

/** Where `exercises new` placeholders are still in place, as "file" or "file: field" locations. */
export function findAuthorTodos(bundle: ExerciseBundle, yamlText: string): string[] {
  const found: string[] = [];
  yamlText.split('\n').forEach((line, i) => {
    if (line.includes(AUTHOR_TODO)) found.push(`exercises/${bundle.slug}/exercise.yaml:${i + 1}`);
  });
  const folders = { starter: bundle.starter, hidden: bundle.hidden, solution: bundle.solution } as const;
  for (const [folder, files] of Object.entries(folders)) {
    for (const [path, text] of Object.entries(files)) {
      if (text.includes(AUTHOR_TODO)) found.push(`exercises/${bundle.slug}/${folder}/${path}`);
    }
  }
  return found;
}

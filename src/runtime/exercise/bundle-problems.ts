import type { WrongSolution } from '../../content/schema/exercise.ts';
import type { ExerciseBundle, FileRole } from './bundle.ts';
import { fixturesUnder, pathsWithRole, solutionFiles } from './bundle.ts';
import { FixtureEditError, mutantText, wrongSolutionFiles } from './fixture-edits.ts';

/** Marks a placeholder left by `exercises new`; verify refuses an exercise until every one is gone. */
export const AUTHOR_TODO = 'TODO(author)';

/**
 * Cross-file problems the schema cannot see: a file in the wrong folder for its role, a listed file that
 * does not exist, a mutant or wrong-solution edit that no longer applies, an overlay file that only repeats
 * the solution. Each problem names the file or the field, and a fixture's id.
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
    const reference = bundle.solution[check.subject] ?? bundle.starter[check.subject];
    if (reference === undefined) return; // the files listing above already reports the missing subject
    check.mutants.forEach((mutant, j) => {
      const problem = failureOf(() => mutantText(reference, mutant, check.subject));
      if (problem) problems.push(`${yaml}: checks[${i}].mutants[${j}] ("${mutant.id}"): ${problem}`);
    });
  });
  meta.checks.forEach((check, i) => {
    if (!('answerKey' in check)) return;
    // A missing key would only show as an error on submit; catch it on load like a missing mutant.
    if (!(check.answerKey in bundle.fixtures)) {
      problems.push(`${yaml}: checks[${i}].answerKey: "${check.answerKey}" does not exist`);
    }
  });
  meta.wrongSolutions.forEach((wrong, i) => problems.push(...wrongSolutionProblems(bundle, wrong, i)));
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

/**
 * A wrong solution must be a difference from the solution: an overlay holds only editable files that
 * differ from the solution's in most of their lines (a copy or a near-copy would hide which lines make
 * it wrong; edits say them), and every edit applies.
 */
function wrongSolutionProblems(bundle: ExerciseBundle, wrong: WrongSolution, i: number): string[] {
  const at = `exercises/${bundle.slug}/exercise.yaml: wrongSolutions[${i}] ("${wrong.id}")`;
  const problems: string[] = [];
  if (wrong.overlay !== undefined) {
    const overlay = fixturesUnder(bundle, wrong.overlay);
    const folder = `exercises/${bundle.slug}/${wrong.overlay.replace(/\/+$/, '')}`;
    if (Object.keys(overlay).length === 0) problems.push(`${at}: overlay "${wrong.overlay}" holds no files`);
    const editable = new Set(pathsWithRole(bundle.meta, 'editable'));
    const solution = solutionFiles(bundle);
    for (const [path, text] of Object.entries(overlay)) {
      if (!editable.has(path))
        problems.push(
          `${folder}/${path}: not an editable file, so a learner could not submit it (wrong solution "${wrong.id}")`,
        );
      else if (solution[path] === text)
        problems.push(
          `${folder}/${path}: identical to the solution's file, so it is redundant: delete it (wrong solution "${wrong.id}")`,
        );
      else if (isNearCopy(solution[path], text))
        problems.push(
          `${folder}/${path}: a near-copy of the solution's file (${NEAR_COPY_SHARE * 100}% or more of its lines the same), which hides the lines that make it wrong: use edits instead (wrong solution "${wrong.id}")`,
        );
    }
  }
  const problem = failureOf(() => wrongSolutionFiles(bundle, wrong));
  if (problem) problems.push(`${at}: ${problem}`);
  return problems;
}

/** The message of a fixture that cannot be composed, or undefined when it composes. */
function failureOf(compose: () => unknown): string | undefined {
  try {
    compose();
    return undefined;
  } catch (error) {
    if (error instanceof FixtureEditError) return error.message;
    throw error;
  }
}

/** An overlay file sharing at least this share of its lines with the solution's file is a near-copy. */
const NEAR_COPY_SHARE = 0.8;
/** Shorter files are left alone: a few lines read as easily whole as in edits. */
const NEAR_COPY_MIN_LINES = 12;

/**
 * Whether `text` mostly repeats `reference`: the lines they share (counted as a multiset, so a moved
 * line still counts) are at least NEAR_COPY_SHARE of the longer file's lines.
 */
function isNearCopy(reference: string | undefined, text: string): boolean {
  if (reference === undefined) return false;
  const ours = text.split('\n');
  const theirs = reference.split('\n');
  const longer = Math.max(ours.length, theirs.length);
  if (longer < NEAR_COPY_MIN_LINES) return false;
  const left = new Map<string, number>();
  for (const line of theirs) left.set(line, (left.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of ours) {
    const count = left.get(line) ?? 0;
    if (count === 0) continue;
    shared++;
    left.set(line, count - 1);
  }
  return shared >= NEAR_COPY_SHARE * longer;
}

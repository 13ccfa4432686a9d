import type { CheckSpec } from '../../content/schema/exercise.ts';
import { kindOf } from '../checks/registry.ts';
import type { ExerciseBundle } from './bundle.ts';

/**
 * The site built for a team server (CRAFTPATH_TEAM_MODE=1 at build time) ships exercises without their
 * secrets: no hidden files (not even their names), no reference solution, no mutants, no wrong answers,
 * no answer keys. Only the server, which reads exercises/ itself, grades with those. The browser keeps
 * the checks it can run on what the learner sees (lint of their files, their own tests); every other
 * check is listed as run on submit.
 */
export interface TeamModeBundle {
  page: ExerciseBundle;
  /** Checks only the server runs, in the exercise's order, for "on submit the server also runs …". */
  serverChecks: { id: string; title: string }[];
}

export function teamModeBundle(bundle: ExerciseBundle): TeamModeBundle {
  const hidden = new Set(bundle.meta.files.filter((f) => f.role === 'hidden').map((f) => f.path));
  const inBrowser = (spec: CheckSpec): boolean => {
    const kind = kindOf(spec);
    const reads = kind.reads(spec);
    if (kind.answerKeyIsSecret || reads.fixtures.length > 0 || reads.solution.length > 0) return false;
    if (spec.kind === 'lint') return ![...spec.files, ...spec.expect.map((e) => e.file)].some((f) => hidden.has(f));
    if (spec.kind === 'tests') return !spec.files.some((f) => hidden.has(f));
    // The compiler reads the roots and what they import; learner files import no hidden ones.
    if (spec.kind === 'typecheck') return !spec.files.some((f) => hidden.has(f));
    return false;
  };
  const browserChecks = bundle.meta.checks.filter(inBrowser);
  return {
    page: {
      ...bundle,
      meta: {
        ...bundle.meta,
        files: bundle.meta.files.filter((f) => f.role !== 'hidden'),
        checks: browserChecks,
        wrongSolutions: [],
      },
      hidden: {},
      solution: {},
      fixtures: {},
    },
    serverChecks: bundle.meta.checks
      .filter((c) => !browserChecks.includes(c))
      .map((c) => ({ id: c.id, title: c.title })),
  };
}

/** Whether this build is for a team server; read at build time only. */
export function isTeamModeBuild(env: Record<string, string | undefined>): boolean {
  return env['CRAFTPATH_TEAM_MODE'] === '1';
}

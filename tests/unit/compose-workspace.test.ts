import { describe, expect, it } from 'vitest';
import {
  composeWorkspace,
  solutionFiles,
  wrongSolutionFiles,
  type ExerciseBundle,
} from '../../src/runtime/exercise/bundle.ts';
import type { Exercise } from '../../src/content/schema/exercise.ts';

const meta = {
  files: [
    { path: 'src/app.ts', role: 'editable' },
    { path: 'src/lib.ts', role: 'readonly' },
    { path: 'tests/app.test.ts', role: 'hidden' },
  ],
} as Exercise;

const bundle: ExerciseBundle = {
  slug: 'demo',
  meta,
  starter: { 'src/app.ts': 'starter app', 'src/lib.ts': 'lib' },
  hidden: { 'tests/app.test.ts': 'hidden test' },
  solution: { 'src/app.ts': 'solved app' },
  fixtures: { 'fixtures/wrong/typo/src/app.ts': 'wrong app', 'fixtures/mutants/m.ts': 'mutant' },
};

describe('composing the workspace a check runs in', () => {
  it('takes only editable files from the learner, so hidden tests and readonly files cannot be replaced', () => {
    const workspace = composeWorkspace(bundle, {
      'src/app.ts': 'learner app',
      'src/lib.ts': 'tampered lib',
      'tests/app.test.ts': 'it.skip everything',
      'src/extra.ts': 'extra',
    });
    expect(workspace).toEqual({ 'src/app.ts': 'learner app', 'src/lib.ts': 'lib', 'tests/app.test.ts': 'hidden test' });
  });

  it('overlays the solution and wrong solutions on the starter', () => {
    expect(solutionFiles(bundle)['src/app.ts']).toBe('solved app');
    expect(wrongSolutionFiles(bundle, 'fixtures/wrong/typo')).toEqual({
      'src/app.ts': 'wrong app',
      'src/lib.ts': 'lib',
    });
  });
});

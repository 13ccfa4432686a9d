import { describe, expect, it } from 'vitest';
import { composeWorkspace, solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { FixtureEditError, mutantText, wrongSolutionFiles } from '../../src/runtime/exercise/fixture-edits.ts';
import { testBundle } from '../support/test-bundle.ts';

const bundle = testBundle({
  meta: {
    files: [
      { path: 'src/app.ts', role: 'editable' },
      { path: 'src/lib.ts', role: 'readonly' },
      { path: 'tests/app.test.ts', role: 'hidden' },
    ],
    checks: [{ id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/app.test.ts'] }],
  },
  starter: { 'src/app.ts': 'starter app', 'src/lib.ts': 'lib' },
  hidden: { 'tests/app.test.ts': 'hidden test' },
  solution: { 'src/app.ts': 'solved app\nreturn total - discount;\n' },
  fixtures: { 'fixtures/wrong/rewrite/src/app.ts': 'wrong app' },
});

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

  it('overlays the solution on the starter', () => {
    expect(solutionFiles(bundle)).toEqual({
      'src/app.ts': 'solved app\nreturn total - discount;\n',
      'src/lib.ts': 'lib',
    });
  });

  it('builds a wrong solution from the solution: the overlay files, then each edit in order', () => {
    const wrong = {
      id: 'typo',
      mistake: 'subtracts the wrong way',
      caughtBy: 'tests',
      overlay: 'fixtures/wrong/rewrite',
      edits: [{ file: 'src/app.ts', find: 'wrong', replace: 'still wrong $&' }],
    };
    expect(wrongSolutionFiles(bundle, wrong)).toEqual({ 'src/app.ts': 'still wrong $& app', 'src/lib.ts': 'lib' });
    const edited = {
      ...wrong,
      overlay: undefined,
      edits: [{ file: 'src/app.ts', find: '- discount', replace: '+ discount' }],
    };
    expect(wrongSolutionFiles(bundle, edited)['src/app.ts']).toBe('solved app\nreturn total + discount;\n');
  });

  it('refuses an edit whose find text is gone or ambiguous, saying which', () => {
    const mutant = (find: string) => ({ id: 'm', description: 'a planted bug', find, replace: 'x' });
    expect(mutantText('a b a', mutant('b'), 'src/r.ts')).toBe('a x a');
    expect(() => mutantText('a b a', mutant('a'), 'src/r.ts')).toThrow(
      new FixtureEditError(
        'mutant "m" on src/r.ts: the edit no longer applies: its find text occurs 2 times in the file (it must occur exactly once): "a"',
      ),
    );
    expect(() => mutantText('a b a', mutant('c'), 'src/r.ts')).toThrow(/does not occur in the file/);
  });
});

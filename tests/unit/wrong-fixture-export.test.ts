import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { findBundleProblems } from '../../src/runtime/exercise/bundle-problems.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { composeExported, editsBetween, exportWrongFixture } from '../../src/runtime/exercise/wrong-fixture-export.ts';

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));

describe('a learner revision as a wrong-solution fixture', () => {
  it('widens an edit by context until its find text occurs once', () => {
    const before = 'a\nx\nb\nx\nc\n';
    expect(editsBetween('f.ts', before, 'a\nx\nb\ny\nc\n')).toEqual([
      { file: 'f.ts', find: 'b\nx\nc\n', replace: 'b\ny\nc\n' },
    ]);
    // A pure insertion has nothing to find: the lines around it become the anchor.
    expect(editsBetween('f.ts', 'one\ntwo\n', 'one\nnew\ntwo\n')).toEqual([
      { file: 'f.ts', find: 'one\ntwo\n', replace: 'one\nnew\ntwo\n' },
    ]);
  });

  it('writes changes far apart as one edit each, not one edit spanning the file between them', () => {
    const before = Array.from({ length: 60 }, (_, i) => `line ${i}\n`).join('');
    const after = before.replace('line 3\n', 'line three\n').replace('line 50\n', '').concat('line 60\n');
    const edits = editsBetween('f.ts', before, after);
    expect(edits).toEqual([
      { file: 'f.ts', find: 'line 3\n', replace: 'line three\n' },
      { file: 'f.ts', find: 'line 50\n', replace: '' },
      { file: 'f.ts', find: 'line 59\n', replace: 'line 59\nline 60\n' },
    ]);
  });

  it('writes a small change as edits and a rewrite as an overlay of only that file, both composing back', async () => {
    const { bundle } = await loadExercise(EXERCISES, 'payment-charge');
    const solution = solutionFiles(bundle);
    const charge = solution['src/charge.ts'] ?? '';
    const files = {
      ...solution,
      'src/charge.ts': charge.replace(
        "return { status: 'Unknown' };",
        "return { status: 'Declined', reason: 'timeout' };",
      ),
      'src/charge.test.ts': Array.from({ length: 40 }, (_, i) => `// rewritten line ${i}\n`).join(''),
      // A hidden file in what was sent is never the learner's to change, and never leaves in a fixture.
      'tests/charge.scenarios.test.ts': 'export {};\n',
    };
    const fixture = exportWrongFixture({
      bundle,
      files,
      id: 'from-a-learner',
      mistake: 'a timeout is a decline',
      caughtBy: 'scenarios',
    });
    expect(fixture.entry.edits.map((e) => e.file)).toEqual(['src/charge.ts']);
    expect(fixture.entry.overlay).toBe('fixtures/wrong/from-a-learner');
    expect(Object.keys(fixture.overlay)).toEqual(['src/charge.test.ts']);
    expect(fixture.yamlSnippet).not.toContain('scenarios.test.ts');
    const composed = composeExported(bundle, fixture);
    expect(composed['src/charge.ts']).toBe(files['src/charge.ts']);
    expect(composed['src/charge.test.ts']).toBe(files['src/charge.test.ts']);
    // What bundle-problems says of the exercise with the fixture in: nothing.
    const withFixture = {
      ...bundle,
      meta: { ...bundle.meta, wrongSolutions: [...bundle.meta.wrongSolutions, fixture.entry] },
      fixtures: { ...bundle.fixtures, 'fixtures/wrong/from-a-learner/src/charge.test.ts': files['src/charge.test.ts'] },
    };
    expect(findBundleProblems(withFixture)).toEqual([]);
  });
});

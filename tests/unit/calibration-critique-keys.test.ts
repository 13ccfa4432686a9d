import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { splitAnswerKeys, withAnswerKey } from '../../src/runtime/exercise/answer-keys.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { noToolchain } from '../../src/runtime/checks/no-toolchain.ts';
import { isJudgmentExercise } from '../../src/runtime/checks/judgment-kinds.ts';

describe('calibration and critique keys stay off the page', () => {
  it.each([
    ['dependency-upgrade-calls', 'fixtures/key/calibration.json', /event-stream pattern/],
    ['design-doc-critique', 'fixtures/key/critique.json', /caps it at 61%|at most 61%/],
    ['debt-and-mentoring-calls', 'fixtures/key/debt.json', /pure cost-of-delay ranking/],
  ])(
    '%s: the page bundle has no key or reference answer; the key file grades the solution',
    async (slug, keyPath, secret) => {
      const { bundle } = await loadExercise('exercises', slug);
      expect(isJudgmentExercise(bundle.meta.checks)).toBe(true);
      const { page, key } = splitAnswerKeys(bundle);
      expect(page.solution).toEqual({});
      expect(Object.keys(page.fixtures)).toEqual([]);
      expect(JSON.stringify(page)).not.toMatch(secret);
      if (!key) throw new Error(`${slug} must have a key file`);
      expect(Object.keys(key.fixtures)).toContain(keyPath);
      // The page grades only its judgment checks; design-doc-critique's document check runs in the workbench.
      const judged = { ...page, meta: { ...page.meta, checks: page.meta.checks.filter((c) => c.kind !== 'document') } };
      const graded = withAnswerKey(judged, key);
      expect((await runChecks(graded, solutionFiles(graded), noToolchain)).verdict).toBe('pass');
      // Without the key the same answers cannot be graded: an error, never a pass.
      expect((await runChecks(judged, solutionFiles(graded), noToolchain)).verdict).toBe('error');
    },
  );
});

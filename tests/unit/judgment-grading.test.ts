import { describe, expect, it } from 'vitest';
import { critiqueKind } from '../../src/runtime/checks/critique.ts';
import {
  atLeast,
  atMost,
  labelsById,
  percent,
  shareOf,
  shareSchema,
} from '../../src/runtime/checks/judgment-grading.ts';
import type { CheckContext, SpecOf } from '../../src/runtime/checks/kind.ts';
import { noToolchain } from '../../src/runtime/checks/no-toolchain.ts';
import { reviewKind } from '../../src/runtime/checks/review.ts';
import { composeWorkspace, solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';

const critique = (await loadExercise('exercises', 'design-doc-critique')).bundle;
const review = (await loadExercise('exercises', 'review-rate-limiter-pr')).bundle;

function checkOf<K extends 'critique' | 'review'>(bundle: ExerciseBundle, kind: K): SpecOf<K> {
  const spec = bundle.meta.checks.find((c) => c.kind === kind);
  if (!spec) throw new Error(`${bundle.slug} has no ${kind} check`);
  return spec as SpecOf<K>;
}

function context(bundle: ExerciseBundle, files: Record<string, string>, reveal: 'found' | 'all' = 'found') {
  return {
    bundle,
    workspace: composeWorkspace(bundle, files),
    toolchain: noToolchain,
    signal: new AbortController().signal,
    reveal,
  } satisfies CheckContext;
}

describe('the judgment kinds’ shared reading', () => {
  it('grades a readable answer against the key, and reads only the key besides the workspace', async () => {
    const spec = checkOf(critique, 'critique');
    expect(critiqueKind.reads(spec)).toEqual({ solution: [], fixtures: [spec.answerKey] });
    expect(critiqueKind.answerKeyIsSecret).toBe(true);
    const outcome = await critiqueKind.run(spec, context(critique, solutionFiles(critique)));
    expect(outcome.status).toBe('pass');
  });

  it('fails an unreadable answer with what is wrong with it, which is the learner’s to fix', async () => {
    const spec = checkOf(critique, 'critique');
    const outcome = await critiqueKind.run(spec, context(critique, { [spec.file]: '{ "marks": [' }));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^critique\.json is not valid JSON/);
  });

  it('throws on a missing answer key: the author’s mistake is an error, never a learner’s fail', async () => {
    const spec = checkOf(critique, 'critique');
    const keyless = { ...critique, fixtures: {} };
    await expect(critiqueKind.run(spec, context(keyless, solutionFiles(critique)))).rejects.toThrow(
      `the answer key ${spec.answerKey} is not loaded`,
    );
  });

  it('lets a kind add to an unreadable answer’s report: a review shows its key only after a final submit', async () => {
    const spec = checkOf(review, 'review');
    const empty = { [spec.file]: '' };
    const before = await reviewKind.run(spec, context(review, empty, 'found'));
    expect(before).toEqual({ status: 'fail', summary: `${spec.file} is empty: nothing was answered yet.` });
    const after = await reviewKind.run(spec, context(review, empty, 'all'));
    expect(after.items?.length).toBeGreaterThan(0);
    expect(after.items?.every((i) => i.label.startsWith('Missed: '))).toBe(true);
  });
});

describe('the judgment kinds’ shared arithmetic', () => {
  it('divides, with the documented value when there is nothing to divide by', () => {
    expect(shareOf(3, 4, 0)).toBe(0.75);
    expect(shareOf(0, 0, 0)).toBe(0); // no marks: no precision to speak of
    expect(shareOf(0, 0, 1)).toBe(1); // nothing to find: everything found
  });

  it('compares a score with its bar forgiving float error only', () => {
    expect(atLeast(0.1 + 0.2 - 0.3 + 0.7, 0.7)).toBe(true);
    expect(atLeast(0.69, 0.7)).toBe(false);
    expect(atMost(0.1 + 0.2, 0.3)).toBe(true);
    expect(atMost(0.31, 0.3)).toBe(false);
  });

  it('words a share as a whole percentage and maps ids to labels', () => {
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(1)).toBe('100%');
    expect(labelsById([{ id: 'a', label: 'Alpha' }]).get('a')).toBe('Alpha');
  });

  it('accepts a share from 0 to 1 in a key, with its default when left out', () => {
    const schema = shareSchema(0.7);
    expect(schema.parse(undefined)).toBe(0.7);
    expect(schema.parse(1)).toBe(1);
    expect(schema.safeParse(1.5).success).toBe(false);
    expect(schema.safeParse(-0.1).success).toBe(false);
  });
});

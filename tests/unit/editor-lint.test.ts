import { afterEach, describe, expect, it } from 'vitest';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';
import { solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import type { Engine } from '../../src/runtime/engines/engine.ts';
import { nodeWorker } from './support/node-worker.ts';

// An exercise graded by tests only: the editor should still mark bugs while the learner types.
const bundle: ExerciseBundle = {
  slug: 'tests-only',
  meta: exerciseSchema.parse({
    title: 'Tests only',
    summary: 'An exercise graded by hidden tests, with no lint check of its own.',
    lesson: 'demo',
    difficulty: 'intro',
    estimatedMinutes: 1,
    engine: 'worker',
    files: [
      { path: 'src/limit.ts', role: 'editable' },
      { path: 'src/limit.test.ts', role: 'editable' },
      { path: 'tests/limit.test.ts', role: 'hidden' },
    ],
    checks: [{ id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/limit.test.ts'] }],
    hints: ['First hint here.', 'Second hint here.'],
  }),
  starter: { 'src/limit.ts': 'export const x = 1;\n', 'src/limit.test.ts': '' },
  hidden: { 'tests/limit.test.ts': "import { it } from 'vitest';\nit('runs', () => {});\n" },
  solution: {},
  fixtures: {},
};

describe('editor markers without a lint check', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.dispose());

  it('marks bug patterns in the learner’s code as warnings, and nothing in clean code', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker });
    const buggy = 'export function same(a: number, b: number): boolean {\n  return a == b || a === a;\n}\n';
    const problems = await engine.lint?.({ exercise: bundle.slug, files: { 'src/limit.ts': buggy } });
    expect(problems?.map((p) => [p.file, p.line, p.ruleId, p.severity])).toEqual([
      ['src/limit.ts', 2, 'eqeqeq', 'warning'],
      ['src/limit.ts', 2, 'no-self-compare', 'warning'],
    ]);
    const clean = await engine.lint?.({
      exercise: bundle.slug,
      files: { 'src/limit.ts': 'export const x: number = 1;\n' },
    });
    expect(clean).toEqual([]);
  });

  it('does not grade those markers: the report has only the exercise’s own checks', async () => {
    engine = createWorkerEngine(bundle, { createWorker: nodeWorker });
    const report = await engine.check({
      exercise: bundle.slug,
      files: { 'src/limit.ts': 'export const y = 1 == 2;\n' },
    });
    expect(report.checks.map((c) => c.kind)).toEqual(['tests']);
    expect(report.verdict).toBe('pass');
  });
});

describe('editor markers of a type-aware lint check', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.dispose());

  it('mark a floating promise while the learner types, in the lint worker', async () => {
    const { bundle: gate } = await loadExercise('exercises', 'lint-gate');
    engine = createWorkerEngine(gate, { createWorker: nodeWorker, lintTimeoutMs: 60_000 });
    const solved = solutionFiles(gate);
    const checkout = (solved['src/checkout.ts'] ?? '')
      .replace('return Math.max(totalCents, 0);', 'audit();\n  return Math.max(totalCents, 0);')
      .concat('\nasync function audit(): Promise<void> {}\n');
    const problems = await engine.lint?.({
      exercise: gate.slug,
      files: { 'eslint.config.js': solved['eslint.config.js'] ?? '', 'src/checkout.ts': checkout },
    });
    expect(
      problems?.filter((p) => p.file === 'src/checkout.ts').map((p) => [p.line, p.column, p.ruleId, p.severity]),
    ).toEqual([[17, 3, '@typescript-eslint/no-floating-promises', 'error']]);
  }, 90_000);
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/runtime/engines/node/node-engine.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';

const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));
const load = async (slug: string) => (await loadExercise(EXERCISES, slug)).bundle;

describe('NodeEngine', () => {
  it('checks a request by exercise slug and reports the engine it ran on', async () => {
    const engine = new NodeEngine(load);
    const bundle = await load('lint-gate');
    const report = await engine.check({ exercise: 'lint-gate', files: solutionFiles(bundle) });
    expect(report).toMatchObject({ exercise: 'lint-gate', engine: 'node', verdict: 'pass' });
  }, 60_000);

  it('lints only the learner’s editable files for editor markers', async () => {
    const engine = new NodeEngine(load);
    const bundle = await load('lint-gate');
    const files = { ...bundle.starter, 'eslint.config.js': solutionFiles(bundle)['eslint.config.js'] ?? '' };
    const problems = await engine.lint({ exercise: 'lint-gate', files });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.ruleId}`)).toEqual([
      'src/checkout.ts:15 no-unused-expressions',
    ]);
  }, 60_000);
});

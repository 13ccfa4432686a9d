import { describe, expect, it } from 'vitest';
import { plan } from '../plan';
import { planProblems, runStack } from '../src/diff/stack';

describe('the stack', () => {
  it('adds up to the whole diff: every hunk in exactly one step', () => {
    expect(planProblems(plan)).toEqual([]);
  });

  it('builds and passes every test after each step, merged in order', () => {
    const broken = runStack(plan)
      .filter((result) => result.failures.length > 0)
      .map((result) => `step ${result.step} (${result.hunks.map((h) => h.id).join(', ')}): ${result.failures.join('; ')}`);
    expect(broken).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

// A test that counts its own loads through globalThis, the trick that "killed" every mutant of a run.
const counting = [
  "import { it, expect } from 'vitest';",
  'const state = globalThis as { loads?: number };',
  'state.loads = (state.loads ?? 0) + 1;',
  'globalThis.setTimeout = (() => 0) as never;',
  "it('is loaded once', () => { expect(state.loads).toBe(1); });",
  '',
].join('\n');

describe('worker toolchain between test file runs', () => {
  it('starts each run of a test file from the globals as they were, so loads cannot be counted', async () => {
    const toolchain = new WorkerToolchain();
    const files = { 'src/count.test.ts': counting };
    const signal = new AbortController().signal;
    const realSetTimeout = globalThis.setTimeout;
    // As learner-tests does: the same file once against the learner's code, then once per mutant.
    for (let run = 0; run < 3; run++) {
      const results = await toolchain.test(files, { targets: ['src/count.test.ts'] }, signal);
      expect(results.map((r) => r.status)).toEqual(['pass']);
    }
    expect('loads' in globalThis).toBe(false);
    expect(globalThis.setTimeout).toBe(realSetTimeout);
  });
});

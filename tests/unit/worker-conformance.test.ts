import { describe, expect, it } from 'vitest';
import { runConformance } from '../support/conformance.ts';

/**
 * The conformance suite (tests/conformance) through real Vitest and through the worker engine's harness:
 * every test must get Vitest's verdict, or sit in a file the worker refuses with its plain "not supported
 * in the browser engine" message. `npm run conformance` prints the same comparison with its count.
 */
describe('worker engine conformance with real Vitest', () => {
  it('gives every conformance test the verdict Vitest gives it', { timeout: 300_000 }, async () => {
    const result = await runConformance();
    const disagreements = result.rows
      .filter((row) => row.outcome === 'disagree')
      .map((row) => `${row.test}: vitest ${row.node}, worker ${row.worker}${row.note ? ` (${row.note})` : ''}`);
    expect(disagreements).toEqual([]);
    expect(result.agree).toBeGreaterThan(0);
  });
});

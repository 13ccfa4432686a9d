import { describe, expect, it } from 'vitest';
import { runConformance } from '../support/conformance.ts';

/**
 * The conformance suite (tests/conformance) through real Vitest and through the worker engine's browser
 * bundle in real Chromium: what learners' browsers run must give every test Vitest's verdict, as the
 * same engine hosted in Node does (tests/unit/worker-conformance.test.ts).
 */
describe('worker engine in Chromium, conformance with real Vitest', () => {
  it('gives every conformance test the verdict Vitest gives it', async () => {
    const result = await runConformance({ host: 'chromium' });
    const disagreements = result.rows
      .filter((row) => row.outcome === 'disagree')
      .map((row) => `${row.test}: vitest ${row.node}, worker ${row.worker}${row.note ? ` (${row.note})` : ''}`);
    expect(disagreements).toEqual([]);
    expect(result.agree).toBeGreaterThan(0);
  });
});

import { runConformance } from '../tests/support/conformance.ts';

/**
 * Prints the conformance figure: how many tests of tests/conformance get the same verdict from the
 * worker engine as from real Vitest. `npm run conformance -- <part of a file name>` runs some files only.
 */
const only = process.argv.slice(2);
const result = await runConformance(only.length > 0 ? { only } : {});
for (const row of result.rows) {
  if (row.outcome === 'agree') continue;
  console.log(
    `${row.outcome.padEnd(11)} ${row.test}: vitest ${row.node}, worker ${row.worker}${row.note ? ` (${row.note})` : ''}`,
  );
}
const total = result.rows.length;
console.log(
  `conformance: ${result.agree} / ${total} tests agree with Vitest` +
    ` (${result.unsupported} refused as unsupported, ${result.disagree} disagree)`,
);
process.exitCode = result.disagree > 0 ? 1 : 0;

import { runConformance } from '../tests/support/conformance.ts';

/**
 * Prints the conformance figure: how many tests of tests/conformance get the same verdict from the
 * worker engine as from real Vitest. `npm run conformance -- <part of a file name>` runs some files only;
 * `--chromium` runs the worker engine's browser bundle in real Chromium instead of hosting it in Node.
 */
const args = process.argv.slice(2);
const host = args.includes('--chromium') ? 'chromium' : 'node';
const only = args.filter((arg) => !arg.startsWith('--'));
const result = await runConformance({ only, host });
console.log(`worker engine hosted in ${host === 'chromium' ? 'Chromium (the site bundle)' : 'Node'}`);
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

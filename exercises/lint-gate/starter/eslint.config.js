// The team's lint gate: CI fails a pull request on any problem it reports.
// Plain JavaScript with core ESLint rules only (no imports): the same file runs in your browser.
export default [
  {
    files: ['**/*.ts'],
    rules: {
      // TODO: turn on rules that catch the bugs in samples/bugs/ and raise nothing on samples/clean/.
    },
  },
];

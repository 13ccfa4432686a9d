// The team's lint gate: CI fails a pull request on any problem it reports.
// Plain JavaScript, no imports: the same file runs in your browser. Core rules and typescript-eslint's
// rules ('@typescript-eslint/<name>', type-aware ones included) are there by name.
export default [
  {
    files: ['**/*.ts'],
    rules: {
      // TODO: turn on rules that catch the bugs in samples/bugs/ and raise nothing on samples/clean/.
    },
  },
];

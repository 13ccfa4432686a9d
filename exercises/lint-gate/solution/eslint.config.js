// The team's lint gate: CI fails a pull request on any problem it reports.
// Plain JavaScript, no imports: the same file runs in your browser. Core rules and typescript-eslint's
// rules ('@typescript-eslint/<name>', type-aware ones included) are there by name.
// Every rule here finds bugs, with few false positives; formatting is left to the formatter.
export default [
  {
    files: ['**/*.ts'],
    rules: {
      // `== null` is the one loose comparison people write on purpose (null or undefined).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-unused-expressions': 'error',
      'no-async-promise-executor': 'error',
      'no-self-compare': 'error',
      'use-isnan': 'error',
      'no-constant-binary-expression': 'error',
      'no-unsafe-finally': 'error',
      'no-dupe-else-if': 'error',
      'no-unreachable': 'error',
      'no-cond-assign': 'error',
      // A promise nobody awaits: lost writes and unhandled rejections; `void` marks a deliberate one.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
];

/**
 * The monolith's lint gate. Plain JavaScript, core ESLint rules only.
 *
 * Add the module-boundary rule here: another module may be imported only through its index.ts.
 */
export default [
  {
    files: ['src/**/*.ts'],
    rules: {
      eqeqeq: 'error',
    },
  },
];

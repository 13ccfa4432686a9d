// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    // Exercise starter, solution and fixture files are content: they contain deliberate bugs and are
    // graded by the exercise's own lint config, not this one. Build output and generated types are not ours.
    ignores: ['dist/', '.astro/', 'node_modules/', 'exercises/', 'test-results/', '.cache/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Bugs, not style (our own first lesson): a floating `==` or an ignored result is a defect.
      eqeqeq: ['error', 'always'],
      'no-implicit-coercion': 'error',
      // Unused code is allowed only when named `_x`, the usual marker for a deliberate placeholder.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions hide the undefined case that noUncheckedIndexedAccess makes us handle.
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // The conformance suite exercises every construct `tsc --isolatedModules` accepts, including the ones
    // this project's own code avoids (namespaces, computed enum members, `!`): that is its point.
    files: ['tests/conformance/**/*.ts'],
    rules: {
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/prefer-literal-enum-member': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The team server runs over the runtime and never the UI; the API schemas the browser shares with it
    // are zod only, so they import neither the server nor the UI.
    files: ['src/server/**/*.ts', 'src/shared-api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui/**', '**/ui', '**/pages/**'], message: 'The server layer never imports the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared-api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/ui/**', 'node:*'],
              message: 'Shared API schemas run in the browser: zod only.',
            },
          ],
        },
      ],
    },
  },
);

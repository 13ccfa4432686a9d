/**
 * The monolith's lint gate. Plain JavaScript, core ESLint rules only.
 *
 * Module boundaries: a file in one module may import another module only through its index.ts. The
 * patterns match the import text, so they are written per module: "../messaging" is a facade import from
 * feeds but would be an own-module path from inside messaging.
 */
const modules = ['profiles', 'messaging', 'feeds'];

const boundaries = modules.map((self) => ({
  files: [`src/modules/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // Anything below another module's folder ("**/" covers files at any depth), except its index.
            group: modules
              .filter((other) => other !== self)
              .flatMap((other) => [`**/${other}/*`, `!**/${other}/index`, `!**/${other}/index.*`]),
            message: 'Import another module only through its public index.ts; its other files are its own business.',
          },
        ],
      },
    ],
  },
}));

export default [
  {
    files: ['src/**/*.ts'],
    rules: {
      eqeqeq: 'error',
    },
  },
  ...boundaries,
];

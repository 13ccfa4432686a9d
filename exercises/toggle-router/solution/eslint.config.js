// The build's lint gate. A toggle declared with defineToggle({ ... }) fails it once its `expires` date has
// passed, or when it has no `expires` at all; other objects with an `expires` field are left alone.
// ISO dates (YYYY-MM-DD) compare correctly as strings, and esquery's `<` compares strings.
const today = new Date().toISOString().slice(0, 10);
const toggle = 'CallExpression[callee.name="defineToggle"] > ObjectExpression';

export default [
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `${toggle} > Property[key.name="expires"][value.value<"${today}"]`,
          message: `This toggle is past its expiry date (today is ${today}): remove it and the code it guards, or extend the date in a reviewed change that says why.`,
        },
        {
          selector: `${toggle}:not(:has(> Property[key.name="expires"]))`,
          message: 'Every toggle needs an `expires` date (YYYY-MM-DD), so toggle debt fails the build instead of piling up.',
        },
      ],
    },
  },
];

export default [
  {
    files: ['src/rate-limiter.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/Bucket|Clock/]',
          message:
            'A bucket or clock at module level is shared by every test, so each test depends on the ones before it. Build it inside the test or in beforeEach.',
        },
      ],
    },
  },
];

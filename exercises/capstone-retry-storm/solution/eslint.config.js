// The build's lint gate. The processor's SDK may be imported only inside src/adapters/bank: everything
// else talks to the BankAdapter, so retries, keys and the breaker live in one place (ADR 12).
const sdkOnlyInAdapter = {
  paths: [{ name: '@acme/bank-sdk', message: 'Only src/adapters/bank may use the bank SDK. Call the BankAdapter instead.' }],
  patterns: [
    {
      group: ['@acme/bank-sdk/*', '**/vendor/acme-bank-sdk', '**/vendor/acme-bank-sdk/**'],
      message: 'Only src/adapters/bank may use the bank SDK. Call the BankAdapter instead.',
    },
  ],
};

export default [
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sdkOnlyInAdapter] },
  },
  {
    files: ['src/adapters/bank/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

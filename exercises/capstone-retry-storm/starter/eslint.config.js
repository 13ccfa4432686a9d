// The build's lint gate. Add the boundary rule here: the processor's SDK (src/vendor/acme-bank-sdk, also
// published as @acme/bank-sdk) may be imported only inside src/adapters/bank.
export default [
  {
    files: ['src/**/*.ts'],
    rules: {},
  },
];

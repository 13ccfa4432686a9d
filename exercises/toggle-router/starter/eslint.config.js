// The build's lint gate. Add a rule that fails it when a toggle declared with defineToggle({ ... }) is
// past its `expires` date, or has no `expires` at all, and that leaves every other object alone.
export default [
  {
    files: ['src/**/*.ts'],
    rules: {},
  },
];

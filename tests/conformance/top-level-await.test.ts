import { expect, test } from 'vitest';

const value = await Promise.resolve(21);
const { double } = await import('./helpers/double.ts');

test('top-level await finished before the tests', () => {
  expect(double(value)).toBe(42);
});

import { expect, test } from 'vitest';

test('an unhandled rejection', async () => {
  void Promise.reject(new Error('nobody handles this'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(true).toBe(true);
});

test('a later test', () => {
  expect(1).toBe(1);
});

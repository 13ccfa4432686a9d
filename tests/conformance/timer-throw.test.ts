import { expect, test } from 'vitest';

test('a throw in a timer callback', async () => {
  setTimeout(() => {
    throw new Error('thrown in a timer');
  }, 0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(true).toBe(true);
});

test('a later test', () => {
  expect(1).toBe(1);
});

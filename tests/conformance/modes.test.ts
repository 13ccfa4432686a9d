import { describe, expect, test } from 'vitest';

test.skip('skipped', () => {
  expect(true).toBe(false);
});
test.todo('to do later');
test.skipIf(true)('skipped by condition', () => {
  expect(true).toBe(false);
});
test.runIf(true)('run by condition', () => {
  expect(1).toBe(1);
});
describe.skip('a skipped suite', () => {
  test('inside', () => {
    expect(true).toBe(false);
  });
});
test('skipped from inside', (context) => {
  context.skip();
  expect(true).toBe(false);
});
test.fails('test.fails with a passing body fails', () => {
  expect(1).toBe(1);
});
test('a timeout fails the test', async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 50);

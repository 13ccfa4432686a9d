import { expect, test } from 'vitest';

test('using disposes at the end of the block', () => {
  const log: string[] = [];
  {
    using _resource = { [Symbol.dispose]: () => log.push('disposed') };
    log.push('inside');
  }
  expect(log).toEqual(['inside', 'disposed']);
});

test('await using disposes asynchronously', async () => {
  const log: string[] = [];
  {
    await using _resource = { [Symbol.asyncDispose]: async () => void log.push('disposed') };
    log.push('inside');
  }
  expect(log).toEqual(['inside', 'disposed']);
});

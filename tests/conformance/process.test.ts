import { expect, test } from 'vitest';

test('process.env is an object of strings', () => {
  expect(typeof process.env).toBe('object');
  expect(process.env['CONFORMANCE_UNSET']).toBeUndefined();
});

test('process.argv is an array and process.platform a string', () => {
  expect(Array.isArray(process.argv)).toBe(true);
  expect(typeof process.platform).toBe('string');
});

test('process.nextTick runs before promise callbacks that were queued after it', async () => {
  const order: string[] = [];
  await new Promise<void>((resolve) => {
    process.nextTick(() => order.push('tick'));
    setTimeout(() => {
      order.push('timeout');
      resolve();
    }, 0);
  });
  expect(order).toEqual(['tick', 'timeout']);
});

import { expect, test, vi } from 'vitest';

test('vi.waitUntil resolves with the first truthy value', async () => {
  let calls = 0;
  const value = await vi.waitUntil(() => (++calls >= 3 ? 'ready' : false), { interval: 5 });
  expect(value).toBe('ready');
});

test('vi.waitUntil times out', async () => {
  await expect(vi.waitUntil(() => false, { timeout: 50, interval: 10 })).rejects.toThrow();
});

test('vi.waitFor retries until the callback stops throwing', async () => {
  let calls = 0;
  await vi.waitFor(
    () => {
      if (++calls < 3) throw new Error('not yet');
    },
    { interval: 5 },
  );
  expect(calls).toBe(3);
});

import { expect, test, vi } from 'vitest';

test('vi.hoisted inside a test fails the file', () => {
  const { value } = vi.hoisted(() => ({ value: 3 }));
  expect(value).toBe(3);
});
